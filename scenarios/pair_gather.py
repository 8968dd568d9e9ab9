"""Pair B: the same three downloads with asyncio.gather
gather turns each download into a task, and their sleeps overlap: the run
takes as long as the slowest one, 1.0 s, not 2.25 s. Compare with
pair_sequential.py. Its JavaScript twin, Promise.all, side by side:
  loopscope compare scenarios/pair_gather.py scenarios/pair_gather.js
"""
import asyncio


async def download(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    got = await asyncio.gather(download("a", 1.0), download("b", 0.5), download("c", 0.75))
    print(f"got {got}")


asyncio.run(main())
