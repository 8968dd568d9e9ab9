"""Pair A: time.sleep inside a coroutine blocks the loop
The heartbeat should beat every 0.5 s, but worker's time.sleep(1.5) holds
the one thread the loop runs on: no beat until it returns. Compare with
pair_asyncio_sleep.py.
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
    time.sleep(1.5)
    print("worker: awake")


async def main():
    await asyncio.gather(heartbeat(), worker())


asyncio.run(main())
