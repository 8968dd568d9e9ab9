"""ProcessPoolExecutor: the same rule, on process lanes."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def square(n):
    time.sleep(0.25)
    return n * n


async def tick():
    for i in range(3):
        print("loop is free", i)
        await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor(max_workers=2)
    t = asyncio.create_task(tick())
    results = await asyncio.gather(*[loop.run_in_executor(pool, square, n) for n in range(3)])
    print(results, loop.time())
    await t
    pool.shutdown()
    print("shut down", loop.time())


asyncio.run(main())
