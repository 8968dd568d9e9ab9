# source: CPython docs, asyncio-task "Shielding From Cancellation" (something() filled in)
import asyncio

async def something():
    await asyncio.sleep(1)
    print("something finished")
    return "result"

async def main():
    task = asyncio.create_task(something())
    outer = asyncio.ensure_future(asyncio.shield(task))
    await asyncio.sleep(0.5)
    outer.cancel()
    try:
        res = await outer
    except asyncio.CancelledError:
        res = None
    print("res:", res)
    print("inner:", await task)

asyncio.run(main())
