"""A TaskGroup whose parent is cancelled from outside while a child fails: 3.13 keeps the parent cancelled."""
import asyncio


async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(0.2)
        raise


async def body():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(slow())
            await asyncio.sleep(0.5)
    except* ValueError as eg:
        print("group:", [str(e) for e in eg.exceptions])
    t = asyncio.current_task()
    print("cancelling:", t.cancelling())
    await asyncio.sleep(0.1)
    print("after the group: still running")


async def main():
    t = asyncio.create_task(body())
    await asyncio.sleep(0.15)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("body cancelled")


asyncio.run(main())
