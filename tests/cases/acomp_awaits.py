import asyncio


async def double(x):
    await asyncio.sleep(0.1 * x)
    return x * 2


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.05)
        yield i


async def main():
    print([await double(x) for x in range(3)])
    print({x: await double(x) async for x in numbers(3)})
    print([x + y async for x in numbers(2) for y in (10, 20)])
    print([y for x in range(2) async for y in numbers(x + 1)])
    gen = (await double(x) for x in range(3))
    async for v in gen:
        print("gen", v)
    total = 0
    async for v in (x * x async for x in numbers(4) if x % 2):
        total += v
    print("total", total)


asyncio.run(main())
