# The builtins aiter() and anext() (with and without a default) on an
# async generator and a class-based async iterator.
import asyncio

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

class Counter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i

async def main():
    gen = ticker(2)
    print(await anext(gen), await anext(gen), await anext(gen, "done"))
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("exhausted")
    it = aiter(Counter())
    print(await anext(it), await anext(it), await anext(it, None))
    try:
        aiter([1])
    except TypeError as e:
        print("TypeError:", e)
    try:
        anext(Counter)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
