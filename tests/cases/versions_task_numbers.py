"""Named tasks and Task-N numbers: 3.13 passes the name to the loop."""
import asyncio


async def work():
    await asyncio.sleep(0.1)


async def main():
    a = asyncio.create_task(work(), name="first")
    b = asyncio.create_task(work())
    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(work(), name="grouped")
        d = tg.create_task(work())
    print(a.get_name(), b.get_name(), c.get_name(), d.get_name())
    await asyncio.gather(a, b)


asyncio.run(main())
