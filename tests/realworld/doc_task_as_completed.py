# source: CPython docs, asyncio-task "Waiting Primitives" (as_completed; aws filled in)
import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    aws = [job(3), job(1), job(2)]
    for coro in asyncio.as_completed(aws):
        earliest_result = await coro
        print(earliest_result)

asyncio.run(main())
