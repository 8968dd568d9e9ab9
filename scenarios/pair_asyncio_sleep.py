"""Pair B: asyncio.sleep gives the loop back
The same worker with await asyncio.sleep(1.5): while it waits, the loop
runs the heartbeat on time, every 0.5 s. Compare with pair_time_sleep.py.
"""
import asyncio
import time


async def heartbeat():
    for i in range(4):
        print(f"beat {i} at {time.monotonic():.1f}")
        await asyncio.sleep(0.5)


async def worker():
    await asyncio.sleep(0)
    print("worker: sleeping 1.5 s")
    await asyncio.sleep(1.5)
    print("worker: awake")


async def main():
    await asyncio.gather(heartbeat(), worker())


asyncio.run(main())
