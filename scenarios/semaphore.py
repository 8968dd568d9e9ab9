"""Semaphore: at most two downloads at a time
Five fetches start together, but a Semaphore(2) lets only two in at once.
The others wait at `async with sem:` and go in, in order, as each one leaves.
"""
import asyncio


async def fetch(sem, n):
    async with sem:
        print(f"fetch {n}: downloading")
        await asyncio.sleep(1)
        print(f"fetch {n}: done")
    return n


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(fetch(sem, n) for n in range(1, 6)))
    print("results:", results)


if __name__ == "__main__":
    asyncio.run(main())
