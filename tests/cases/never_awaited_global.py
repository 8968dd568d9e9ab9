"""A never-awaited coroutine kept in a module variable warns at teardown."""
import asyncio


async def say_hello(name, delay):
    await asyncio.sleep(delay)
    print(f"Hello, {name}!")


coro = say_hello("Alice", 1)


async def main():
    await say_hello("Bob", 1)


asyncio.run(main())
print("finished")
