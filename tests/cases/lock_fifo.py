# REQUIRED fairness: tasks blocked on a Lock acquire it in the order they asked (FIFO).
import asyncio

async def user(lock, name):
    async with lock:
        print(f"{asyncio.get_running_loop().time():.2f} {name} has the lock")
        await asyncio.sleep(1)

async def main():
    lock = asyncio.Lock()
    tasks = []
    for name in ["d", "a", "c", "b"]:
        tasks.append(asyncio.create_task(user(lock, name)))
        await asyncio.sleep(0.1)
    await asyncio.gather(*tasks)

asyncio.run(main())
