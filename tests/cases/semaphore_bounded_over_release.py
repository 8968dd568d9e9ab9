# BoundedSemaphore raises ValueError('BoundedSemaphore released too many times') on a release above its initial value.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("inside, locked:", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
