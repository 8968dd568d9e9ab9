"""Producer and consumers: a Queue with back-pressure
The producer makes items faster than two consumers can handle them. The
queue holds at most 2, so put() waits when it is full; get() waits when it
is empty. join() returns once every item is marked task_done().
"""
import asyncio


async def producer(queue):
    for n in range(1, 6):
        await queue.put(f"job{n}")
        print(f"produced job{n} (queue size {queue.qsize()})")
        await asyncio.sleep(0.1)


async def consumer(name, queue):
    while True:
        job = await queue.get()
        print(f"{name} handles {job}")
        await asyncio.sleep(0.5)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(f"worker-{i}", queue), name=f"worker-{i}") for i in (1, 2)]
    await producer(queue)
    await queue.join()
    print("all jobs handled")
    for w in workers:
        w.cancel()


if __name__ == "__main__":
    asyncio.run(main())
