# reschedule() on a timeout that has not been entered, and on one that has finished, raises RuntimeError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(loop.time() + 2)
    except RuntimeError as e:
        print("before:", e)
    async with cm:
        await asyncio.sleep(0.1)
    try:
        cm.reschedule(loop.time() + 2)
    except RuntimeError as e:
        print("after:", e)

asyncio.run(main())
