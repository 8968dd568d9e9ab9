# source: CPython docs, asyncio-sync "Semaphore" (usage)
import asyncio

async def worker(sem, n):
    async with sem:
        print("working", n)
        await asyncio.sleep(1)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, i) for i in range(5)))

asyncio.run(main())
