import asyncio

async def worker(i):
    await asyncio.sleep(i % 7)
    return i

async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(3000)]
    for t in tasks:
        await t
    print("done")

asyncio.run(main())
