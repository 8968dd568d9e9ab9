# Cancelling the task that is inside wait_for cancels the inner task too, and the caller gets CancelledError (not TimeoutError).
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} inner cancelled")
        raise

async def waiter():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} waiter cancelled")
        raise

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: waiter.cancelled() =", t.cancelled())

asyncio.run(main())
