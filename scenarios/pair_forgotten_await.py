"""Pair A: the forgotten await
save() without await only builds a coroutine: none of its body runs, and
Python warns. Compare with pair_awaited.py; in JavaScript it still runs:
  loopscope compare scenarios/pair_forgotten_await.py scenarios/pair_forgotten_await.js
"""
import asyncio


async def save(item):
    print(f"saving {item}")
    await asyncio.sleep(0.5)
    print(f"{item} saved")


async def main():
    save("report")
    print("main: done?")


asyncio.run(main())
