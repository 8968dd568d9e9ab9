"""Executor edge cases: instant jobs, a queued job cancelled, Future.result() blocking, submit after shutdown."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio, time
from concurrent.futures import ThreadPoolExecutor

def quick(x):
    print("quick", x)
    return x + 1

def slow(x):
    time.sleep(0.3)
    return x

async def waiter(loop, pool, x):
    try:
        print("waiter got", await loop.run_in_executor(pool, slow, x))
    except asyncio.CancelledError:
        print("waiter", x, "cancelled", loop.time())
        raise

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(quick, 1))
    print(await loop.run_in_executor(None, quick, 2), loop.time())
    pool = ThreadPoolExecutor(1, thread_name_prefix="io")
    t1 = asyncio.create_task(waiter(loop, pool, 1))
    t2 = asyncio.create_task(waiter(loop, pool, 2))
    await asyncio.sleep(0.1)
    t2.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    f = pool.submit(slow, 3)
    print("blocking result", f.result(), loop.time())
    print(f.done(), f.cancelled())
    pool.shutdown(wait=True)
    try:
        pool.submit(quick, 0)
    except RuntimeError as e:
        print("RuntimeError", e)

asyncio.run(main())
asyncio.run(main())
