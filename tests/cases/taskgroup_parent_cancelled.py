# Cancelling the task that runs a TaskGroup cancels the group's children, and that task ends with CancelledError (no ExceptionGroup).
import asyncio

async def child(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
    except asyncio.CancelledError:
        print("runner: CancelledError")
        raise

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: runner cancelled =", t.cancelled())

asyncio.run(main())
