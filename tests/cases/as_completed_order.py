# as_completed yields results in completion order; the coroutines become tasks Task-2.. in the order given (harness: ordered set).
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    loop = asyncio.get_running_loop()
    for f in asyncio.as_completed([job("slow", 3), job("fast", 1), job("mid", 2)]):
        v = await f
        print(f"{loop.time():.2f} {v}")

asyncio.run(main())
