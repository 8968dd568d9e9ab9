# Every time.sleep adds to the clock, whichever task calls it: blocking work
# in concurrent tasks runs one after the other, the sum of the delays.
import asyncio
import time

async def blocking_job(name, seconds):
    print(f"{name} starts at {time.monotonic():.1f}")
    time.sleep(seconds)
    print(f"{name} ends at {time.monotonic():.1f}")

async def polite_job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} ends at {time.monotonic():.1f}")

async def main():
    t0 = time.monotonic()
    await asyncio.gather(blocking_job("b1", 1), blocking_job("b2", 1.5),
                         polite_job("p1", 1))
    print(f"took {time.monotonic() - t0:.1f} s")

asyncio.run(main())
