"""Several to_thread jobs in parallel with gather."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def work(name, secs):
    time.sleep(secs)
    return name


async def main():
    start = time.time()
    results = await asyncio.gather(
        asyncio.to_thread(work, "a", 0.3),
        asyncio.to_thread(work, "b", 0.1),
        asyncio.to_thread(work, "c", 0.2),
    )
    print(results, round(time.time() - start, 3))


asyncio.run(main())
