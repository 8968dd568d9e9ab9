# A Semaphore waiter cancelled before it gets a slot does not consume it; the following waiter gets it.
import asyncio

async def job(sem, name):
    try:
        async with sem:
            print(f"{asyncio.get_running_loop().time():.2f} {name} in")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise

async def main():
    sem = asyncio.Semaphore(1)
    tasks = [asyncio.create_task(job(sem, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.5)
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("locked at end:", sem.locked())

asyncio.run(main())
