# REQUIRED fairness: after release(), the releaser cannot re-acquire ahead of a task that was already waiting.
import asyncio

async def waiter(lock):
    await lock.acquire()
    print(f"{asyncio.get_running_loop().time():.2f} waiter got the lock")
    lock.release()

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(waiter(lock))
    await asyncio.sleep(1)
    lock.release()
    print("main released; locked() =", lock.locked())
    await lock.acquire()
    print(f"{asyncio.get_running_loop().time():.2f} main got the lock again")
    lock.release()
    await t

asyncio.run(main())
