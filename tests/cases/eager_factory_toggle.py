# get_task_factory / set_task_factory: eager for some tasks, lazy again after
# loopscope-case: python >= 3.12
import asyncio


async def hello(tag):
    print("hello from", tag)
    await asyncio.sleep(0)
    print("bye from", tag)


async def main():
    loop = asyncio.get_running_loop()
    print("factory at first:", loop.get_task_factory())
    loop.set_task_factory(asyncio.eager_task_factory)
    print("eager now:", loop.get_task_factory() is asyncio.eager_task_factory)
    a = asyncio.create_task(hello("eager"))
    print("after eager create_task")
    loop.set_task_factory(None)
    b = asyncio.create_task(hello("lazy"))
    print("after lazy create_task")
    await asyncio.gather(a, b)
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
