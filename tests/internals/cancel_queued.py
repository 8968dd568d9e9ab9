"""internals cache: a queued step's words change when its task is cancelled while it waits in the ready queue"""
import asyncio


async def worker():
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print("worker's step is queued")
    t.cancel()
    print("now it is to be cancelled")
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")


asyncio.run(main())
