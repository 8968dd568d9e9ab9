# source: CPython docs, asyncio-sync "Condition" (usage, producer filled in)
import asyncio

async def consumer(cond, name):
    async with cond:
        await cond.wait()
        print(name, "woke up")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
