# An exception raised in the TaskGroup's body cancels the children; it comes out wrapped in an ExceptionGroup after they finish.
import asyncio

async def child(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
            await asyncio.sleep(1)
            raise KeyError("body")
    except* KeyError as eg:
        print(f"{asyncio.get_running_loop().time():.2f} caught {eg.exceptions!r}")

asyncio.run(main())
