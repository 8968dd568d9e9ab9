# the body of a TaskGroup raises: its children are cancelled and the error is grouped
import asyncio


async def child(name):
    try:
        await asyncio.sleep(1)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled; cancelling() =", asyncio.current_task().cancelling())
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a"))
            tg.create_task(child("b"))
            await asyncio.sleep(0.2)
            raise KeyError("body")
    except* KeyError as eg:
        print("caught", len(eg.exceptions), "cancelling() =", asyncio.current_task().cancelling())


asyncio.run(main())
