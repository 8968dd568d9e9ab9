"""ThreadPoolExecutor(max_workers=2): the third job waits for a free worker."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def crunch(n):
    time.sleep(n / 10)
    return n


async def main():
    loop = asyncio.get_running_loop()
    # (pool.__exit__ does the same as shutdown(); `with` comes on another branch)
    pool = ThreadPoolExecutor(max_workers=2)
    futs = [loop.run_in_executor(pool, crunch, n) for n in (3, 1, 2, 1)]
    for f in futs:
        print("got", await f, loop.time())
    late = pool.submit(crunch, 5)
    pool.__enter__()
    pool.__exit__(None, None, None)
    print("pool closed", loop.time(), late.result())


asyncio.run(main())
