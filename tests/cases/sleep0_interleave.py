# sleep(0) yields one loop iteration: three tasks take turns, round-robin.
import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} finished")

async def main():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 1))
    c = asyncio.create_task(worker("c", 2))
    print("main created three tasks")
    await a
    await b
    await c
    print("all done")

asyncio.run(main())
