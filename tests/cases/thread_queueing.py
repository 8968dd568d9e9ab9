"""More jobs than default workers: the rest wait in the queue (FIFO)."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def job(i):
    time.sleep(0.5 + i * 0.01)
    return i


async def one(i):
    r = await asyncio.to_thread(job, i)
    print("job", r, "done at", time.time())


async def main():
    await asyncio.gather(*[one(i) for i in range(10)])


asyncio.run(main())
