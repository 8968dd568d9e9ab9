# Queue.join() returns only after task_done() was called once per item; workers are then cancelled.
import asyncio

async def worker(q, name):
    while True:
        n = await q.get()
        await asyncio.sleep(n)
        print(f"{asyncio.get_running_loop().time():.2f} {name} processed {n}")
        q.task_done()

async def main():
    q = asyncio.Queue()
    for n in (1, 0.5, 2, 1):
        q.put_nowait(n)
    workers = [asyncio.create_task(worker(q, f"w{i}")) for i in range(2)]
    await q.join()
    print(f"{asyncio.get_running_loop().time():.2f} join returned")
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])

asyncio.run(main())
