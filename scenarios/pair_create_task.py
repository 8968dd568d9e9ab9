"""Pair A: create_task first, then await
Both tasks start as soon as main reaches its first await, so their waits
overlap: 1.0 s in all. Compare with pair_await_only.py.
"""
import asyncio


async def fetch(name, seconds):
    print(f"{name}: request")
    await asyncio.sleep(seconds)
    print(f"{name}: reply")
    return name


async def main():
    first = asyncio.create_task(fetch("first", 1.0))
    second = asyncio.create_task(fetch("second", 0.75))
    print(await first, await second)


asyncio.run(main())
