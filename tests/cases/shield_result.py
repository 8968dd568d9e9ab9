# shield(coro) wraps the coroutine in a task (Task-2) and, when nothing is cancelled, returns its result.
import asyncio

async def compute(x):
    await asyncio.sleep(1)
    return x * 2

async def main():
    v = await asyncio.shield(compute(21))
    print(f"{asyncio.get_running_loop().time():.2f} result {v}")

asyncio.run(main())
