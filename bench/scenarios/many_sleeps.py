"""bench: 10,000 tasks, each sleeping 10 times with a little arithmetic in between"""
import asyncio

async def worker(k):
    acc = 0
    for i in range(10):
        await asyncio.sleep(0.001 * (k % 97 + 1))
        acc += (i * k) % 7
    return acc

async def main():
    tasks = [asyncio.create_task(worker(k)) for k in range(10000)]
    total = 0
    for t in tasks:
        total += await t
    print(total)

asyncio.run(main())
