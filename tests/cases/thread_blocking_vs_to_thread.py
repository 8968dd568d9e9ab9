"""The same blocking call, first on the loop, then through to_thread."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def slow(n):
    time.sleep(0.5)
    return n * 2


async def heartbeat(label):
    for _ in range(3):
        print(label, "beat", time.time())
        await asyncio.sleep(0.2)


async def main():
    hb = asyncio.create_task(heartbeat("blocking"))
    await asyncio.sleep(0)
    print("result", slow(1))
    await hb
    hb = asyncio.create_task(heartbeat("threaded"))
    await asyncio.sleep(0)
    print("result", await asyncio.to_thread(slow, 2))
    await hb


asyncio.run(main())
