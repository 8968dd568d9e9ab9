"""Three greetings, one wait
Each greeting sleeps for its own delay. Run together with gather, the three
delays overlap: everyone has been greeted after about 2 s, not 3.5 s.
"""
import asyncio
import time


async def say_hello(name, delay):
    await asyncio.sleep(delay)
    print(f"Hello, {name}! (after {delay} s)")


async def main():
    start = time.monotonic()
    await asyncio.gather(
        say_hello("Alice", 2),
        say_hello("Bob", 1),
        say_hello("Carol", 0.5),
    )
    print(f"all greeted after {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
