# source: written for the corpus in the style of tutorials: producer/consumer with a sentinel
import asyncio
import random

async def producer(queue, n):
    for i in range(n):
        item = f"item-{i}"
        await asyncio.sleep(random.random() / 5)
        await queue.put(item)
        print(f"produced {item} (size {queue.qsize()})")
    await queue.put(None)

async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            break
        print(f"consumed {item}")
        await asyncio.sleep(random.random() / 4)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue, 6), consumer(queue))
    await queue.join()
    print("all done")

asyncio.run(main())
