"""Pair B: the same three downloads with asyncio.gather
gather makes each download a task and their sleeps overlap: 1.0 s, not
2.25 s. Compare with pair_sequential.py; the JavaScript twin, side by side:
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
