# source: written for the corpus in the style of tutorials: rate limiting with a Semaphore
import asyncio
import time

async def call_api(sem, i, start):
    async with sem:
        print(f"request {i} starts at {time.monotonic() - start:.1f}s")
        await asyncio.sleep(0.5)
        return i * 10

async def main():
    sem = asyncio.Semaphore(3)
    start = time.monotonic()
    results = await asyncio.gather(*[call_api(sem, i, start) for i in range(7)])
    print(results)
    print(f"total {time.monotonic() - start:.1f}s")

asyncio.run(main())
