# REQUIRED back-pressure: put() on a full Queue(maxsize=2) blocks the producer until the consumer takes an item.
import asyncio

async def producer(q):
    for i in range(5):
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.2f} put {i} (qsize={q.qsize()})")
    print("producer done")

async def consumer(q):
    for _ in range(5):
        await asyncio.sleep(1)
        item = q.get_nowait()
        print(f"{asyncio.get_running_loop().time():.2f} took {item}")

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
