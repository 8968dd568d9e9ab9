# source: CPython docs, HOWTO "A Conceptual Overview of asyncio" (YieldToEventLoop, a future set by a watcher)
import asyncio

class YieldToEventLoop:
    def __await__(self):
        yield

async def _watcher(future, rounds):
    for i in range(rounds):
        print("watcher round", i)
        await YieldToEventLoop()
    future.set_result(None)

async def other_work():
    print(f"I am worker. Work work.")

async def main():
    work_tasks = [
        asyncio.create_task(other_work()),
        asyncio.create_task(other_work()),
        asyncio.create_task(other_work())
    ]
    future = asyncio.Future()
    watcher_task = asyncio.create_task(_watcher(future, 3))
    await future
    print("future done")
    await asyncio.gather(*work_tasks)

asyncio.run(main())
