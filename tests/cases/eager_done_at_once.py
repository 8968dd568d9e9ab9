# an eager task that never awaits is done inside create_task: it is never scheduled
# loopscope-case: python >= 3.12
import asyncio


async def quick(n):
    print(f"quick({n}) runs")
    return n * 10


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(quick(4))
    print("create_task returned; done:", t.done(), "result:", t.result())
    await asyncio.sleep(0)
    print("after one loop turn")
    print("await gives", await t)


asyncio.run(main())
