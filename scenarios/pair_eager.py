"""A coroutine does nothing until it is awaited
Calling greet() only makes a coroutine object: none of its body runs.
"main: called greet" prints first, and greet starts when main awaits it,
at 0.1 s, so it is done at 0.6 s. A JavaScript async function does the
opposite: see pair_eager.js, side by side with
  loopscope compare scenarios/pair_eager.py scenarios/pair_eager.js
"""
import asyncio


async def greet(name):
    print(f"greet: starts for {name}")
    await asyncio.sleep(0.5)
    print(f"greet: done with {name}")


async def main():
    coro = greet("ada")
    print("main: called greet")
    await asyncio.sleep(0.1)
    print("main: awaits it now")
    await coro
    print("main: done")


asyncio.run(main())
