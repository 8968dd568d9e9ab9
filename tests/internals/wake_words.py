"""internals cache: a task's wakeups and sleep timers say what it waits on now, not what it waited on before"""
import asyncio


async def sleeper():
    await asyncio.sleep(1)
    await asyncio.sleep(2)
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("sleeper cancelled")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(4)
    t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)


asyncio.run(main())
