# REQUIRED edge: of three tasks created together, the middle one is cancelled before starting: the others run normally; all three still start in creation order.
import asyncio

async def job(n):
    print("job", n, "runs")
    await asyncio.sleep(n)
    print("job", n, "finished")

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (1, 2, 3)]
    tasks[1].cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in res])

asyncio.run(main())
