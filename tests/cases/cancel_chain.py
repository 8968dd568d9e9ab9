# Cancelling a task that awaits another task cancels the awaited task too, and the CancelledError travels back up the chain.
import asyncio

async def leaf():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leaf cancelled")
        raise

async def middle():
    try:
        await asyncio.create_task(leaf())
    except asyncio.CancelledError:
        print("middle cancelled")
        raise

async def main():
    m = asyncio.create_task(middle())
    await asyncio.sleep(1)
    m.cancel()
    try:
        await m
    except asyncio.CancelledError:
        print("main: middle cancelled")

asyncio.run(main())
