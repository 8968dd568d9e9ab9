# Follows loopscope's thread rule (docs/threads.md) where CPython's order is open:
# `with ThreadPoolExecutor(max_workers=2) as pool` runs three jobs through run_in_executor
# (the third queues), and leaving the block waits for the pool on the loop thread.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def load(name, seconds):
    time.sleep(seconds)
    return f"{name} loaded"


def square(n):
    return n * n


async def ticker():
    for _ in range(4):
        print(f"{time.monotonic():.2f} tick")
        await asyncio.sleep(0.25)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [loop.run_in_executor(pool, load, name, 0.4) for name in ("a", "b", "c")]
        print(await asyncio.gather(*jobs))
    print(f"{loop.time():.2f} pool closed")
    with ProcessPoolExecutor() as procs:
        print(await loop.run_in_executor(procs, square, 7))
    await t


asyncio.run(main())
