# TaskGroup.create_task(name=...): does a named task use up a Task-N number?
import asyncio


async def work():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(), name="first")
        b = tg.create_task(work())
        c = asyncio.create_task(work(), name="third")
        d = asyncio.create_task(work())
    print(a.result(), b.result(), await c, await d)


asyncio.run(main())
