"""create_task vs the eager task factory: when does the body start?
A plain create_task only queues the task: its body waits for the creator's
next await. With asyncio.eager_task_factory (Python 3.12+) the body runs at
once, inside create_task, up to its first await, exactly like calling a
JavaScript async function (see scenarios/eager_async.js). A body that never
awaits is even done before create_task returns.
"""
# loopscope: python 3.12
import asyncio


async def greet(name):
    print(f"greet({name}): body starts")
    await asyncio.sleep(1)
    print(f"greet({name}): resumes after the sleep")
    return f"hello {name}"


async def cached(key):
    print(f"cached({key}): answered without awaiting")
    return key.upper()


async def main():
    loop = asyncio.get_running_loop()

    print("-- plain create_task: queued, starts at main's next await")
    lazy = asyncio.create_task(greet("lazy"))
    print("main: create_task returned; the body has not run yet")
    await asyncio.sleep(0)

    print("-- eager_task_factory: the body runs inside create_task")
    loop.set_task_factory(asyncio.eager_task_factory)
    eager = asyncio.create_task(greet("eager"))
    print("main: create_task returned after greet's first await")
    hit = asyncio.create_task(cached("k"))
    print("main: the cached task is done already:", hit.done())

    print(await lazy, "|", await eager, "|", hit.result())


asyncio.run(main())
