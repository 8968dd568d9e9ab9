# source: written for the corpus in the style of tutorials: a pipeline of async generators, an async comprehension, aclose
import asyncio

async def stage1(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def stage2(source):
    async for x in source:
        yield x * x

async def stage3(source):
    total = 0
    async for y in source:
        total += y
        print("running total", total)
    return total

async def main():
    print(await stage3(stage2(stage1(4))))
    evens = [x async for x in stage1(6) if x % 2 == 0]
    print(evens)
    gen = stage1(100)
    print(await gen.__anext__())
    await gen.aclose()

asyncio.run(main())
