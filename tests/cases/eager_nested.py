# an eager body that creates another eager task: starts nest like calls
# loopscope-case: python >= 3.12
import asyncio


async def leaf():
    print("  leaf body")
    await asyncio.sleep(0.1)
    print("  leaf done")


async def branch():
    print(" branch body, before creating leaf")
    t = asyncio.create_task(leaf())
    print(" branch body, after creating leaf")
    await t
    print(" branch done")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("main creates branch")
    t = asyncio.create_task(branch())
    print("main goes on")
    await t


asyncio.run(main())
