# 3.13: async for over as_completed of coroutines yields the tasks it made
# loopscope-case: python >= 3.13
import asyncio


async def square(n):
    await asyncio.sleep(1 / n)
    return n * n


async def main():
    got = []
    async for task in asyncio.as_completed([square(1), square(2), square(4)]):
        print(type(task).__name__, task.done(), await task)
        got.append(task.result())
    print(got)


asyncio.run(main())
