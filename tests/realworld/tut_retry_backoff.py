# source: written for the corpus in the style of tutorials: retries with exponential backoff
import asyncio
import random

class TransientError(Exception):
    pass

attempts = {"n": 0}

async def flaky():
    attempts["n"] += 1
    await asyncio.sleep(0.1)
    if attempts["n"] < 4:
        raise TransientError(f"attempt {attempts['n']} failed")
    return "success"

async def retry(coro_fn, retries=5, base=0.1):
    for attempt in range(retries):
        try:
            return await coro_fn()
        except TransientError as e:
            delay = base * 2 ** attempt + random.uniform(0, 0.05)
            print(f"{e}; retrying in {delay:.3f}s")
            await asyncio.sleep(delay)
    raise RuntimeError("gave up")

async def main():
    random.seed(1)
    print(await retry(flaky))

asyncio.run(main())
