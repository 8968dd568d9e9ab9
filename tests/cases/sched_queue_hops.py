# Loop iterations of a Queue hand-off: a blocked get() resumes one iteration after put_nowait(); a get() on a non-empty queue does not yield.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def getter(q):
    print("getter waits")
    item = await q.get()
    print("getter got", item)
    item = await q.get()
    print("getter got", item, "without waiting")

async def main():
    q = asyncio.Queue()
    g = asyncio.create_task(getter(q))
    t = asyncio.create_task(ticker(4))
    await asyncio.sleep(0)
    q.put_nowait("a")
    q.put_nowait("b")
    print("main put two")
    await asyncio.gather(g, t)

asyncio.run(main())
