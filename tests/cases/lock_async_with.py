"""`async with lock` as CPython runs it, hop for hop, where loopscope takes a shortcut for a free lock (no coroutine of __aenter__'s or __aexit__'s, src/py/loop/sync.c) and where it must not: a held lock, waiters that were cancelled, a waiter woken on the way out, a body that raises, a lock released in the body, an odd _locked"""
import asyncio


async def holder(lock, name, t):
    async with lock:
        print(name, "holds", lock.locked())
        await asyncio.sleep(t)
    print(name, "left", lock.locked())


async def main():
    lock = asyncio.Lock()
    for i in range(3):
        async with lock:
            print("turn", i, lock.locked())
    # two wait behind a holder; one of them is cancelled while waiting
    a = asyncio.create_task(holder(lock, "a", 1))
    await asyncio.sleep(0)
    b = asyncio.create_task(holder(lock, "b", 0))
    c = asyncio.create_task(holder(lock, "c", 0))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("after", lock.locked(), b.cancelled())
    # a waiter cancelled while the lock is held, then the lock is free
    # with only cancelled waiters left behind
    async with lock:
        d = asyncio.create_task(holder(lock, "d", 0))
        await asyncio.sleep(0)
        d.cancel()
        await asyncio.sleep(0)
        print("d", d.cancelled(), lock.locked())
    async with lock:
        print("free again", lock.locked())
    # the body raises: __aexit__ gets the exception
    try:
        async with lock:
            raise KeyError("body")
    except KeyError as e:
        print("raised", e, lock.locked())
    # released in the body: the way out raises RuntimeError
    try:
        async with lock:
            lock.release()
            print("released inside", lock.locked())
    except RuntimeError as e:
        print("exit", e)
    # an odd _locked: truthy but not True
    lock._locked = 1
    t = asyncio.create_task(holder(lock, "e", 0))
    await asyncio.sleep(0)
    print("e waits", t.done())
    lock._locked = True
    lock.release()
    await t
    print("end", lock.locked())


asyncio.run(main())
