# A Condition built on an existing Lock shares it: holding the lock makes cond.locked() True.
import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with lock:
        print("cond.locked() while lock held:", cond.locked())
        cond.notify_all()
        print("notify_all with no waiters is fine")
    print("after:", cond.locked())

asyncio.run(main())
