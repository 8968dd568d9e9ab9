# Loop iterations of a TaskGroup: children start on the next iteration, the block exit resumes the body one iteration after the last child ends.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def child(name):
    print(name, "runs")

async def main():
    t = asyncio.create_task(ticker(6))
    await asyncio.sleep(0)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("c1"))
        tg.create_task(child("c2"))
        print("body ends")
    print("group exited")
    await t

asyncio.run(main())
