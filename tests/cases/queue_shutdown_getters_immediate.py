# with immediate=True, waiting getters raise even though items were queued
# loopscope-case: python >= 3.13
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.QueueShutDown:
        print(name, "shut out")


async def main():
    q = asyncio.PriorityQueue()
    gs = [asyncio.create_task(getter(q, n)) for n in ("g1", "g2")]
    await asyncio.sleep(0.1)
    q.put_nowait(5)
    q.shutdown(immediate=True)
    await asyncio.gather(*gs)
    print("empty:", q.empty())


asyncio.run(main())
