"""time.sleep freezes the whole event loop
A ticker prints every 0.5 s. While a task sits in time.sleep(2) nothing else
can run: tick 1 comes at 2.0 instead of 0.5, and every later tick 1.5 s late.
With asyncio.sleep(2) the ticker keeps its rhythm.
"""
import asyncio
import time


async def ticker():
    for i in range(5):
        print(f"tick {i} at {time.monotonic():.1f}")
        await asyncio.sleep(0.5)


async def blocking():
    print("blocking: time.sleep(2)")
    time.sleep(2)
    print("blocking: woke up")


async def cooperative():
    print("cooperative: await asyncio.sleep(2)")
    await asyncio.sleep(2)
    print("cooperative: woke up")


async def main():
    await asyncio.gather(ticker(), blocking())
    print("--- now the cooperative way ---")
    await asyncio.gather(ticker(), cooperative())


if __name__ == "__main__":
    asyncio.run(main())
