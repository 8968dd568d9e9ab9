"""Pair A: three downloads one after another
Each await finishes before the next download starts, so the times add up:
1.0 + 0.5 + 0.75 = 2.25 s. Compare with pair_gather.py:
loopscope compare scenarios/pair_sequential.py scenarios/pair_gather.py
"""
import asyncio


async def download(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    a = await download("a", 1.0)
    b = await download("b", 0.5)
    c = await download("c", 0.75)
    print(f"got {[a, b, c]}")


asyncio.run(main())
