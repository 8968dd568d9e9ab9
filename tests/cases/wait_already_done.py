# asyncio.wait on tasks that are all already done still yields to the loop: a ticker shows how many iterations it takes.
import asyncio

async def quick(n):
    return n

async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    tasks = [asyncio.create_task(quick(n)) for n in range(2)]
    await asyncio.sleep(0)
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("main: wait")
    done, pending = await asyncio.wait(tasks)
    print("main: waited", len(done), len(pending))
    await tk

asyncio.run(main())
