"""bench: 10 producers in a TaskGroup feed 20,000 items through a Queue(maxsize=10) to 10 consumers that add them up under a Lock"""
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)

async def consumer(q, lock, totals):
    while True:
        item = await q.get()
        async with lock:
            totals[0] += item
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=10)
    lock = asyncio.Lock()
    totals = [0]
    workers = [asyncio.create_task(consumer(q, lock, totals)) for _ in range(10)]
    async with asyncio.TaskGroup() as tg:
        for _ in range(10):
            tg.create_task(producer(q, 2000))
    await q.join()
    for w in workers:
        w.cancel()
    print(totals[0])

asyncio.run(main())
