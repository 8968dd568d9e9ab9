# gather of children that all finished eagerly completes inside gather()
# loopscope-case: python >= 3.12
import asyncio


async def value(v):
    return v


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    g = asyncio.gather(value(1), value(2), value(3))
    print("gather done at once:", g.done())
    print(await g)


asyncio.run(main())
