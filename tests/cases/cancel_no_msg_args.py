# Task.cancel() without a message: the CancelledError inside the task and in the awaiting task both have empty args.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("worker sees args:", e.args, repr(str(e)))
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees args:", e.args)

asyncio.run(main())
