import asyncio

async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("cleanup")

async def main():
    async for x in agen(3):
        print(x)
    else:
        print("else")
    print([x async for x in agen(2)])
    print([await asyncio.sleep(0.1, x) for x in range(3)])
    print({x: x * 2 async for x in agen(2) if x})
    g = agen(3)
    print(await g.__anext__())
    print(await g.asend(None))
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("caught", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stop")
    print(await g.aclose())
    ge = (x * 10 async for x in agen(2))
    async for v in ge:
        print(v)

asyncio.run(main())
