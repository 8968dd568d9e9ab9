"""A thread that prints: its lines appear at thread time."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def report(n):
    for i in range(n):
        print("worker step", i, "at", time.time())
        time.sleep(0.15)
    print("worker", end=" ")
    print("done")
    return n


async def chatter():
    for i in range(4):
        print("task step", i, "at", time.time())
        await asyncio.sleep(0.15)


async def main():
    r, _ = await asyncio.gather(asyncio.to_thread(report, 3), chatter())
    print("report returned", r)
    time.sleep(0.05)
    print("main blocked until", time.time())


asyncio.run(main())
