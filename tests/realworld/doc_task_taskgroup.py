# source: CPython docs, asyncio-task "Task Groups" (some_coro/another_coro filled in)
import asyncio

async def some_coro(x):
    await asyncio.sleep(0.5)
    return x * 2

async def another_coro(y):
    await asyncio.sleep(1)
    return y + 1

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(some_coro(21))
        task2 = tg.create_task(another_coro(41))
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")

asyncio.run(main())
