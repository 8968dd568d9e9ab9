# uncancel() before the cancellation is delivered: 3.13 withdraws it
import asyncio


async def worker():
    try:
        await asyncio.sleep(0)
        print("worker ran to the end")
        return "finished"
    except asyncio.CancelledError:
        print("worker got CancelledError")
        raise


async def main():
    t = asyncio.create_task(worker())
    t.cancel()
    print("cancelling:", t.cancelling())
    print("uncancel ->", t.uncancel())
    res = await asyncio.gather(t, return_exceptions=True)
    print("result:", res, "cancelled:", t.cancelled())


asyncio.run(main())
