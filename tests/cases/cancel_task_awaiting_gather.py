# REQUIRED: cancelling the task that awaits a gather cancels the gather and all its children, in argument order.
import asyncio

async def child(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def parent():
    try:
        await asyncio.gather(child("x"), child("y"), child("z"))
    except asyncio.CancelledError:
        print("parent cancelled")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.sleep(0.1)
    print("parent cancelled?", p.cancelled())

asyncio.run(main())
