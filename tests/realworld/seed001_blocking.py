# source: seed 001, "Blocking the event loop" (bad / good); open() and the heavy work became stand-ins
import asyncio
import time

def blocking_io_fn():
    time.sleep(1)
    return "io result"

def cpu_heavy_fn():
    return sum(range(1000))

def heavy_computation():
    return sum(range(100))

# BAD — blocks the entire event loop
async def bad():
    time.sleep(2) # ← blocks! All other coroutines freeze
    result = heavy_computation() # ← CPU-bound work
    print("bad", result)

# GOOD — run blocking code in a thread pool
async def good():
    loop = asyncio.get_event_loop()
    # I/O bound blocking → run in thread pool
    data = await loop.run_in_executor(None, blocking_io_fn)
    # CPU bound → run in process pool
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, cpu_heavy_fn)
    print("good", data, result)

async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.5)

async def main():
    await asyncio.gather(ticker(), bad())
    await asyncio.gather(ticker(), good())

asyncio.run(main())
