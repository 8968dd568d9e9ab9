# eager tasks: the body runs inside create_task, up to its first await
import asyncio


async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    print("before create_task")
    t1 = asyncio.create_task(fetch("a", 1))
    print("between")
    t2 = asyncio.create_task(fetch("b", 0.5))
    print("after create_task", t1.done(), t2.done())
    print(await t1, await t2)


asyncio.run(main())
