"""internals: one field of a primitive's line changed at a time, each by hand (a lock's holder, its flag, a semaphore's value and size, a waiter's future cancelled while its list stays the same, a future in the list that gains its task's wakeup): each shows at the next step"""
import asyncio


async def holder(lock, name):
    async with lock:
        await asyncio.sleep(1)


async def waiter(fut):
    await fut


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    a = asyncio.create_task(holder(lock, "a"))
    b = asyncio.create_task(waiter(loop.create_future()))
    await asyncio.sleep(0)
    print("a holds the lock")
    lock._holder = b
    print("b holds it, by hand")
    lock._holder = None
    print("someone holds it")
    sem._value = 1
    print("one of two free, by hand")
    sem._bound_value = 3
    sem._size = 3
    print("one of three free")
    f = loop.create_future()
    ev._waiters.append(f)
    print("a future waits on the event")
    c = asyncio.create_task(waiter(f))
    await asyncio.sleep(0)
    print("c awaits that future")
    f.cancel()
    print("the future cancelled, still in the list")
    await asyncio.sleep(0)
    a.cancel()
    b.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
