# cancelling the task that sits in wait_for cancels the awaited work too
import asyncio


async def work():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("work cancelled")
        raise


async def caller():
    try:
        await asyncio.wait_for(work(), timeout=3)
    except asyncio.CancelledError:
        print("caller cancelled")
        raise


async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())


asyncio.run(main())
