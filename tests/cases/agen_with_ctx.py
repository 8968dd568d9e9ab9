import asyncio


class Resource:
    async def __aenter__(self):
        print("acquire")
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, t, v, tb):
        print("release", t.__name__ if t else None)
        await asyncio.sleep(0.1)


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0.1)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def rows():
    async with Resource():
        async for i in Counter(5):
            yield i * 100


async def main():
    async for r in rows():
        print(r)
        if r == 300:
            break
    print("broke out")
    await asyncio.sleep(1)
    print([x async for x in Counter(3)])


asyncio.run(main())
