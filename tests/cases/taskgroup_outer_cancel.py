# a TaskGroup inside a task that is cancelled from outside: the count of requests stays right
import asyncio


async def child(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise


async def boom():
    await asyncio.sleep(0.5)
    raise RuntimeError("boom")


async def body():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(5))
            tg.create_task(boom())
            await asyncio.sleep(10)
    except* RuntimeError:
        print("group failed; cancelling() =", asyncio.current_task().cancelling())
    finally:
        print("finally, cancelling() =", asyncio.current_task().cancelling())


async def main():
    t = asyncio.create_task(body())
    await asyncio.sleep(0.5)
    t.cancel()
    res = await asyncio.gather(t, return_exceptions=True)
    print("outcome:", type(res[0]).__name__, t.cancelled())


asyncio.run(main())
