# The TaskGroup waits for a cancelled sibling's cleanup that itself awaits before raising the ExceptionGroup.
import asyncio

async def careful():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} careful: cleanup")
        await asyncio.sleep(1)
        print(f"{loop.time():.2f} careful: cleanup done")
        raise

async def failer():
    await asyncio.sleep(1)
    raise OSError("disk")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(careful())
            tg.create_task(failer())
    except* OSError:
        print(f"{asyncio.get_running_loop().time():.2f} group raised")

asyncio.run(main())
