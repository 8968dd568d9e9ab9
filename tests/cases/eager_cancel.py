# cancelling an eager task that is waiting after its eager first step
# loopscope-case: python >= 3.12
import asyncio


async def waiter():
    print("waiter starts")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancellation", t.cancelled())


asyncio.run(main())
