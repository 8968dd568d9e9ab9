# source: CPython docs, asyncio-sync "Lock" (usage, with a shared resource filled in)
import asyncio

lock = None
shared = []

async def user(n):
    async with lock:
        # access shared state
        shared.append(n)
        await asyncio.sleep(0.1)
        print("released by", n)

async def main():
    global lock
    lock = asyncio.Lock()
    await asyncio.gather(user(1), user(2), user(3))
    await lock.acquire()
    try:
        print(shared, lock.locked())
    finally:
        lock.release()

asyncio.run(main())
