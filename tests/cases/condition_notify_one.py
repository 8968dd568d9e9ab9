# Condition.notify() wakes one waiter at a time, in FIFO order; each woken waiter re-acquires the lock before wait() returns.
import asyncio

async def consumer(cond, name):
    async with cond:
        print(name, "waiting")
        await cond.wait()
        print(f"{asyncio.get_running_loop().time():.2f} {name} woke, holds lock: {cond.locked()}")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(consumer(cond, n)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0)
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            cond.notify()
    await asyncio.gather(*tasks)

asyncio.run(main())
