"""bench: 1,000 tasks each give the loop a turn 500 times (500,000 sleep(0) hops)"""
import asyncio

async def spinner(k):
    n = 0
    for _ in range(500):
        await asyncio.sleep(0)
        n += k
    return n

async def main():
    results = await asyncio.gather(*(spinner(k) for k in range(1000)))
    print(sum(results))

asyncio.run(main())
