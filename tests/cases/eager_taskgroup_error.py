# an eager child that fails before its first await aborts the TaskGroup at once
# loopscope-case: python >= 3.12
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise


async def broken():
    print("broken runs")
    raise ValueError("bad input")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper())
            tg.create_task(broken())
            print("body goes on")
            await asyncio.sleep(0.5)
            print("not reached")
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])


asyncio.run(main())
