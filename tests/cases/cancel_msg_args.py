# Task.cancel(msg): the CancelledError raised inside the task carries msg in e.args, and so does the one the awaiting task gets.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("worker sees args:", e.args)
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees args:", e.args)

asyncio.run(main())
