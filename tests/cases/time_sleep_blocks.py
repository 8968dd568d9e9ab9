# time.sleep blocks the whole loop: a task due at 1 s cannot run until the
# blocking call returns at 3 s, and then it sees the late clock.
import asyncio
import time

async def ticker():
    for i in range(3):
        await asyncio.sleep(1)
        print(f"tick {i} at {time.monotonic():.2f}")

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("main blocks for 3 seconds")
    time.sleep(3)
    print("main unblocked")
    await t

asyncio.run(main())
