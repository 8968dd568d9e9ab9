# wait_for on a coroutine: 3.11 wraps it in a task of its own, 3.12+ awaits it in place
import asyncio


async def compute():
    print("compute runs in", asyncio.current_task().get_name())
    await asyncio.sleep(0.1)
    return 42


async def main():
    print("main is", asyncio.current_task().get_name())
    print(await asyncio.wait_for(compute(), timeout=1))
    t = asyncio.create_task(compute())
    print("next task is", t.get_name())
    await t


asyncio.run(main())
