# The reprs of the synchronisation primitives and queues have CPython's
# shape, "object at 0x... [state]" (the address itself differs from run to
# run in CPython, so it is masked here), and change with their state.
import asyncio


def masked(o):
    r = repr(o)
    i = r.index(" at 0x") + 4
    j = i + 2
    while r[j] in "0123456789abcdef":
        j += 1
    return r[:i] + "0x..." + r[j:]


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    barrier = asyncio.Barrier(2)
    q = asyncio.Queue(2)
    await lock.acquire()
    await sem.acquire()
    waiter = asyncio.create_task(lock.acquire())
    blocked = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    q.put_nowait("x")
    for o in (lock, sem, asyncio.Event(), asyncio.Condition(), barrier, q):
        print(masked(o))
    print(str(q))
    lock.release()
    await waiter
    await barrier.wait()
    await blocked
    print(masked(lock), masked(barrier))


asyncio.run(main())
