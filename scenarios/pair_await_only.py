"""Pair B: await only
Awaiting each coroutine directly runs them one after the other, inside
main's own task: 1.0 + 0.75 = 1.75 s. Compare with pair_create_task.py.
"""
import asyncio


async def fetch(name, seconds):
    print(f"{name}: request")
    await asyncio.sleep(seconds)
    print(f"{name}: reply")
    return name


async def main():
    first = await fetch("first", 1.0)
    second = await fetch("second", 0.75)
    print(first, second)


asyncio.run(main())
