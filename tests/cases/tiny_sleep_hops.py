# sleep(0) costs one loop iteration; a sleep whose deadline is already due
# (here 1e-12 s, below the clock resolution) goes through a timer and costs
# two, without moving the clock.
import asyncio
import time

ticks = 0

async def ticker():
    global ticks
    while ticks < 10:
        ticks += 1
        await asyncio.sleep(0)

async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    before = ticks
    await asyncio.sleep(0)
    print("sleep(0) took", ticks - before, "ticks")
    before = ticks
    await asyncio.sleep(1e-12)
    print("sleep(1e-12) took", ticks - before, "ticks; clock", time.monotonic())
    before = ticks
    await asyncio.sleep(0)
    print("sleep(0) took", ticks - before, "ticks")

asyncio.run(main())
