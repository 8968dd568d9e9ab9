"""Pair B: the awaited call
With await, main waits for save() to run to its end: the item is saved
before main goes on. Compare with pair_forgotten_await.py.
"""
import asyncio


async def save(item):
    print(f"saving {item}")
    await asyncio.sleep(0.5)
    print(f"{item} saved")


async def main():
    await save("report")
    print("main: done?")


asyncio.run(main())
