# TaskGroup with the eager task factory: bodies start inside tg.create_task
# loopscope-case: python >= 3.12
import asyncio


async def worker(name, delay):
    print(f"{name} begins")
    await asyncio.sleep(delay)
    print(f"{name} finishes")
    return name


async def instant(name):
    print(f"{name} is done already")
    return name


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("slow", 0.3))
        b = tg.create_task(instant("instant"))
        print("instant done?", b.done())
        c = tg.create_task(worker("fast", 0.1))
        print("inside the group body")
    print(a.result(), b.result(), c.result())


asyncio.run(main())
