# Producer/consumer over a Queue with a None sentinel: items arrive in FIFO order, the consumer stops at the sentinel.
import asyncio

async def producer(q):
    for i in range(3):
        await asyncio.sleep(0.5)
        await q.put(f"item{i}")
        print(f"{asyncio.get_running_loop().time():.2f} put item{i}")
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            print("consumer: sentinel, stopping")
            return
        print(f"{asyncio.get_running_loop().time():.2f} got {item}")

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
