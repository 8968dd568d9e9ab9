"""await asyncio.sleep pauses the coroutine itself
asyncio.sleep(1) is not a callback: main stops at the await for a second,
so "B" and "C" both wait: A, B, C. To get JavaScript's order, move the
delayed part into a task of its own (asyncio.create_task). setTimeout
registers a callback instead: see pair_settimeout.js, side by side with
  loopscope compare scenarios/pair_settimeout.py scenarios/pair_settimeout.js
"""
import asyncio


async def main():
    print("A")
    await asyncio.sleep(1)
    print("B, one second later")
    print("C")


asyncio.run(main())
