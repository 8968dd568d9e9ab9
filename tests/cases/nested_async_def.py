# A coroutine defined inside another function: the trace names its task by
# the function's name, but the never-awaited warning uses the qualified name.
import asyncio

async def main():
    async def inner(x):
        await asyncio.sleep(x)
        return x * 2

    def make(label):
        async def worker():
            print("worker", label)
        return worker

    t = asyncio.create_task(inner(1))
    print(await t)
    await asyncio.create_task(make("w1")())
    inner(5)
    make("w2")()
    print("end of main")

asyncio.run(main())
