# Queue.shutdown(): waiting getters wake up and raise QueueShutDown once empty
import asyncio


async def consumer(q, name):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            print(name, "sees the queue shut down")
            return
        print(name, "got", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    workers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    for i in range(3):
        await q.put(i)
    await asyncio.sleep(0.1)
    print("shutting down")
    q.shutdown()
    await asyncio.gather(*workers)
    try:
        q.put_nowait(99)
    except asyncio.QueueShutDown:
        print("put_nowait after shutdown raises QueueShutDown")


asyncio.run(main())
