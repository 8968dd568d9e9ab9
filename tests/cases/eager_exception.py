# an eager task that raises before any await is done with its exception
# loopscope-case: python >= 3.12
import asyncio


async def fails():
    print("fails starts")
    raise KeyError("missing")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(fails())
    print("done:", t.done(), "exception:", repr(t.exception()))
    try:
        await t
    except KeyError as e:
        print("awaiting it raises", repr(e))


asyncio.run(main())
