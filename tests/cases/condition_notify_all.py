# Condition.notify_all() wakes every waiter; they get the lock one after another in the order they waited.
import asyncio

async def consumer(cond, name):
    async with cond:
        await cond.wait()
        print(f"{asyncio.get_running_loop().time():.2f} {name} woke")
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.2f} {name} releases")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(consumer(cond, n)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
        print("notified all, main still holds the lock")
    await asyncio.gather(*tasks)

asyncio.run(main())
