# wait_for returns the result when the awaitable finishes before the timeout; the coroutine runs as a new task (Task-2).
import asyncio

async def fetch():
    await asyncio.sleep(0.5)
    return "data"

async def main():
    loop = asyncio.get_running_loop()
    v = await asyncio.wait_for(fetch(), timeout=2)
    print(f"{loop.time():.2f} got {v}")

asyncio.run(main())
