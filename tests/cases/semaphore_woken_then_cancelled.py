# A Semaphore waiter that was already handed the slot but is cancelled before it runs gives the slot on to the next waiter.
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
    await asyncio.sleep(0)
    await asyncio.sleep(1)
    # a has just released and handed the slot to b, which has not run yet
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("locked at end:", sem.locked())

asyncio.run(main())
