"""internals cache: a timer shown among the first twelve goes when it is cancelled, and a sleeping task's timer says so when the task is cancelled, while other shown timers keep their words"""
import asyncio


def ring():
    print("ring")


async def sleeper(n):
    await asyncio.sleep(n)


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(3, ring)
    tasks = [asyncio.create_task(sleeper(k)) for k in (1, 2, 4)]
    await asyncio.sleep(0.5)
    h.cancel()
    await asyncio.sleep(0)
    tasks[2].cancel()
    await asyncio.sleep(5)


asyncio.run(main())
