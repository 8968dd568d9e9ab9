"""Cancelling the awaiting task: the thread keeps running to its end."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def slow_job():
    time.sleep(1.0)
    print("slow_job finished anyway at", time.time())
    return "late"


async def waiter():
    try:
        return await asyncio.to_thread(slow_job)
    except asyncio.CancelledError:
        print("waiter cancelled at", time.time())
        raise


async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.3)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancel")
    await asyncio.sleep(0.2)
    print("main ends at", time.time())


asyncio.run(main())
print("after run", time.time())
