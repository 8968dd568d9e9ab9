# create_task on a TaskGroup that has finished raises RuntimeError('TaskGroup <TaskGroup entered> is finished').
import asyncio

async def work():
    await asyncio.sleep(0.1)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(work())
    coro = work()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

asyncio.run(main())
