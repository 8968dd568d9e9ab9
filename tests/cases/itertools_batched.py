# itertools.batched (3.12+, strict= in 3.13) and islice leaving the rest of an iterator in place
import asyncio, itertools

async def main():
    print(hasattr(itertools, "batched"))
    if hasattr(itertools, "batched"):
        print(list(itertools.batched("abcdefg", 3)))
        try:
            itertools.batched([1], 0)
        except ValueError as e:
            print("ValueError:", e)
        try:
            print(list(itertools.batched([1, 2, 3], 2, strict=True)))
        except (ValueError, TypeError) as e:
            print(type(e).__name__)

asyncio.run(main())


async def rest():
    # islice takes exactly what it yields: the rest stays in the iterator
    it = iter(range(10))
    print(list(itertools.islice(it, 3)), list(itertools.islice(it, 1, 5, 2)), next(it))

asyncio.run(rest())
