# sleep(0.1) then sleep(0.2) wakes at 0.30000000000000004, later than a single
# sleep(0.3), so the single sleeper prints first even though it started later.
import asyncio
import time

async def two_steps():
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)
    print("two steps at", repr(time.monotonic()))

async def one_step():
    await asyncio.sleep(0.3)
    print("one step at", repr(time.monotonic()))

async def main():
    print(0.1 + 0.2, 0.1 + 0.2 == 0.3)
    await asyncio.gather(two_steps(), one_step())

asyncio.run(main())
