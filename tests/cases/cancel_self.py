# A task that cancels itself gets CancelledError at its next await, even sleep(0).
import asyncio

async def selfish():
    print("cancel self ->", asyncio.current_task().cancel())
    print("still running until the next await")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("got CancelledError at the await")
        raise

async def main():
    t = asyncio.create_task(selfish())
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
