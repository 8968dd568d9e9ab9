# source: CPython docs, HOWTO "A Conceptual Overview of asyncio" (generators, special_fella)
import asyncio

def get_random_number():
    # This would be a bad random number generator!
    print("Hi")
    yield 1
    print("Hello")
    yield 7
    print("Howdy")
    yield 4

async def special_fella(magic_number: int):
    print(
        "I am a super special function. Far cooler than that printer. "
        f"By the way, my lucky number is: {magic_number}."
    )

async def main():
    generator = get_random_number()
    print(next(generator))
    print(next(generator))
    special_task = asyncio.create_task(coro=special_fella(magic_number=5))
    await special_task

asyncio.run(main())
