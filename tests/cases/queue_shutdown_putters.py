# a full queue's blocked putters raise QueueShutDown when it shuts down
# loopscope-case: python >= 3.13
import asyncio


async def producer(q, n):
    try:
        await q.put(n)
        print("put", n)
    except asyncio.QueueShutDown:
        print("producer", n, "refused: queue shut down")


async def main():
    q = asyncio.Queue(maxsize=1)
    ps = [asyncio.create_task(producer(q, n)) for n in range(3)]
    await asyncio.sleep(0.2)
    print("full:", q.full())
    q.shutdown()
    await asyncio.gather(*ps)
    print("left in queue:", q.get_nowait())


asyncio.run(main())
