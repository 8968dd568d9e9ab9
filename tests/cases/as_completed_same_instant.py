# Coroutines given to as_completed that finish at the same instant come out in the order given (task creation order).
import asyncio

async def job(name):
    await asyncio.sleep(1)
    return name

async def main():
    names = ["delta", "alpha", "charlie", "bravo"]
    for f in asyncio.as_completed([job(n) for n in names]):
        print(await f)

asyncio.run(main())
