# Releasing a Lock that is not held raises RuntimeError('Lock is not acquired.').
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
