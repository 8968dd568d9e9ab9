# wait_for(coro, timeout=None) just awaits the coroutine: no task is created, so no start line and no Task-N is used.
import asyncio

async def work():
    await asyncio.sleep(3)
    return 42

async def later():
    print("later task runs")

async def main():
    v = await asyncio.wait_for(work(), None)
    print(f"{asyncio.get_running_loop().time():.2f} result {v}")
    await asyncio.create_task(later())

asyncio.run(main())
