# A task cancelled before its first step never runs its body: CancelledError
# is thrown in at the very start. The trace still shows start, then cancelled.
import asyncio

async def never_runs():
    print("this line never prints")
    return 1

async def main():
    t = asyncio.create_task(never_runs())
    print("cancel:", t.cancel())
    print("second cancel:", t.cancel())
    await asyncio.sleep(0)
    print("cancelled:", t.cancelled())
    print("cancel after the end:", t.cancel())

asyncio.run(main())
