# a named eager task: its body starts before create_task renames it
# loopscope-case: python >= 3.12
import asyncio


async def report():
    print("body sees", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print("later it is", asyncio.current_task().get_name())


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(report(), name="reporter")
    print("returned task is", t.get_name())
    await t


asyncio.run(main())
