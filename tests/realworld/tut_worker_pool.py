# source: written for the corpus in the style of tutorials: a worker pool with results
import asyncio

async def worker(wid, jobs, results):
    while True:
        n = await jobs.get()
        try:
            await asyncio.sleep(0.1 * n)
            results.append((wid, n, n * n))
        finally:
            jobs.task_done()

async def main():
    jobs = asyncio.Queue()
    results = []
    for n in [5, 3, 1, 4, 2, 6]:
        jobs.put_nowait(n)
    workers = [asyncio.create_task(worker(i, jobs, results)) for i in range(3)]
    await jobs.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for r in results:
        print(r)

asyncio.run(main())
