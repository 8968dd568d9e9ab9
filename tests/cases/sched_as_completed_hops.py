# Loop iterations of as_completed: each result goes through an internal Queue, so the loop body resumes some iterations after the task ends.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def quick(name):
    print(name, "runs")
    return name

async def main():
    t = asyncio.create_task(ticker(6))
    await asyncio.sleep(0)
    for f in asyncio.as_completed([quick("a"), quick("b")]):
        print("as_completed gave", await f)
    await t

asyncio.run(main())
