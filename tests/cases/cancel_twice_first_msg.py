# Two cancel() calls with different messages before the task runs again: cancelling() is 2 and the task sees the first message.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("worker sees:", e.args, "cancelling:", asyncio.current_task().cancelling())
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("first cancel:", t.cancel("first"))
    print("second cancel:", t.cancel("second"))
    print("cancelling:", t.cancelling())
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
