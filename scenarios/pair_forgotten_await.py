"""Pair A: the forgotten await
save() is called without await: that only builds a coroutine object, none
of its body runs, and Python warns that it was never awaited. Compare with
pair_awaited.py. In JavaScript the forgotten call still runs, side by side:
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
