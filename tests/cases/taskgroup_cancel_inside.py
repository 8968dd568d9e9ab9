# the TaskGroup's own task is cancelled while the body waits: children go too
import asyncio


async def child(n):
    try:
        await asyncio.sleep(n)
        print("child", n, "done")
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise


async def grouped():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(1))
        tg.create_task(child(3))
    print("not reached")


async def main():
    t = asyncio.create_task(grouped())
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("grouped cancelled; main cancelling() =", asyncio.current_task().cancelling())


asyncio.run(main())
