# source: seed 001, "A coroutine function" (verbatim, plus the final asyncio.run(main()))
import asyncio

# A coroutine function — calling it returns a coroutine object
async def say_hello(name, delay):
    await asyncio.sleep(delay) # non-blocking sleep
    print(f"Hello, {name}!")

# A coroutine object — not running yet
coro = say_hello("Alice", 1)

# To run it, you need the event loop
asyncio.run(say_hello("Alice", 1))

# Inside an async context:
async def main():
    # await — run and wait for result
    await say_hello("Alice", 1)

    # Task — schedule to run concurrently (like Promise in JS)
    task = asyncio.create_task(say_hello("Bob", 0.5))
    # ... do other things ...
    await task # wait for it to complete

    # gather — run multiple concurrently (Promise.all)
    await asyncio.gather(
        say_hello("Alice", 2),
        say_hello("Bob", 1),
        say_hello("Carol", 0.5),
    )
    # All three run concurrently — total time ≈ 2s, not 3.5s

asyncio.run(main())
