# a TaskGroup refuses new tasks once it is finished; 3.13 closes the refused coroutine
import asyncio


async def job():
    await asyncio.sleep(0)
    return "job"


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job())
    try:
        tg.create_task(job())
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("main goes on")


asyncio.run(main())
