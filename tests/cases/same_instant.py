# The clock jumps straight to the next deadline; tasks due at the same
# instant all finish at that time, in the order their timers were set.
import asyncio
import time

async def job(name, delays):
    for d in delays:
        await asyncio.sleep(d)
    print(f"{name} at {time.monotonic():.3f}")

async def main():
    await asyncio.gather(
        job("a", [1, 1]), job("b", [2]), job("c", [0.5, 1.5]), job("d", [3]))
    print(f"all at {time.monotonic():.3f}")

asyncio.run(main())
