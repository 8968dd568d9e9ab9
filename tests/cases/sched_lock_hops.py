# Loop iterations of a Lock hand-off: release() wakes the waiter, which gets the lock one iteration later; an uncontended acquire does not yield.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def waiter(lock):
    print("waiter asks")
    async with lock:
        print("waiter has the lock")

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    w = asyncio.create_task(waiter(lock))
    t = asyncio.create_task(ticker(4))
    await asyncio.sleep(0)
    lock.release()
    print("main released")
    await asyncio.gather(w, t)

asyncio.run(main())
