# inside an eager body, current_task() is the new task, not its creator
# loopscope-case: python >= 3.12
import asyncio


async def who(tag):
    me = asyncio.current_task()
    print(tag, "runs in", me.get_name())
    await asyncio.sleep(0.1)
    print(tag, "resumes in", asyncio.current_task().get_name())


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("main runs in", asyncio.current_task().get_name())
    t = asyncio.create_task(who("child"))
    print("main again in", asyncio.current_task().get_name())
    await t


asyncio.run(main())
