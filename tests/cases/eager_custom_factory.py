# create_eager_task_factory with a custom constructor: it gets eager_start=True
# loopscope-case: python >= 3.12
import asyncio

made = []
announce = True     # asyncio.run's own shutdown tasks come through here too


def make_task(coro, *, loop=None, name=None, context=None, eager_start=False):
    made.append(eager_start)
    if announce:
        print("constructor called, eager_start =", eager_start)
    return asyncio.Task(coro, loop=loop, name=name, context=context, eager_start=eager_start)


async def step(n):
    print(f"step {n} body")
    await asyncio.sleep(n / 10)
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.create_eager_task_factory(make_task))
    ts = [asyncio.create_task(step(i)) for i in (2, 1)]
    print("created", len(made))
    print(await asyncio.gather(*ts))
    global announce
    announce = False


asyncio.run(main())
