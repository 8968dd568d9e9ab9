# shutdown(immediate=True) drops the items, counts them done and wakes join()
# loopscope-case: python >= 3.13
import asyncio


async def joiner(q):
    print("join waits for", q.qsize(), "items")
    await q.join()
    print("join returned")


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    j = asyncio.create_task(joiner(q))
    await asyncio.sleep(0.5)
    q.shutdown(immediate=True)
    print("after shutdown: qsize", q.qsize(), "empty", q.empty())
    await j
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print("get raises QueueShutDown")


asyncio.run(main())
