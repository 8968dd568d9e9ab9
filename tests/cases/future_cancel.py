# Cancelling a future that a task awaits raises CancelledError (with the message) in that task; cancelled() is True at once.
import asyncio

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("waiter got CancelledError", e.args)
        return "handled"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(1)
    print("cancel ->", fut.cancel("no longer needed"), "cancelled:", fut.cancelled())
    print(await t)

asyncio.run(main())
