# cancel() returns True on a pending task (and cancelled() is False until the task has run its CancelledError), False on a finished one.
import asyncio

async def sleeper():
    await asyncio.sleep(5)

async def quick():
    return 1

async def main():
    s = asyncio.create_task(sleeper())
    q = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("quick done:", q.done(), "cancel ->", q.cancel(), "cancelled:", q.cancelled())
    print("sleeper cancel ->", s.cancel(), "cancelled:", s.cancelled(), "done:", s.done())
    await asyncio.sleep(0)
    print("after a step: cancelled:", s.cancelled(), "done:", s.done())
    print("cancel again ->", s.cancel())

asyncio.run(main())
