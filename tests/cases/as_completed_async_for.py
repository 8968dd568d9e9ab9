# 3.13: `async for` over as_completed yields the original tasks as they finish
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"


async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in (("a", 0.3), ("b", 0.1), ("c", 0.2))]
    async for t in asyncio.as_completed(tasks):
        print("finished:", t.result(), "original:", t in tasks)


asyncio.run(main())
