# A task cancelled while waiting for a Lock gives up its place; the next waiter gets the lock.
import asyncio

async def user(lock, name):
    try:
        async with lock:
            print(f"{asyncio.get_running_loop().time():.2f} {name} has the lock")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(user(lock, "a"))
    b = asyncio.create_task(user(lock, "b"))
    c = asyncio.create_task(user(lock, "c"))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)

asyncio.run(main())
