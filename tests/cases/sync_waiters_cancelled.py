# Waiters taken out when cancelled: a cancelled Queue.put and Queue.get
# pass their wake-up on, a cancelled Lock waiter wakes the next one, and
# a lock released with nobody waiting is free for the next acquire.
import asyncio


async def holder(lock, n):
    async with lock:
        print("hold", n, lock.locked())
        await asyncio.sleep(0.1)


async def main():
    bq = asyncio.Queue(1)
    await bq.put("x")
    t1 = asyncio.create_task(bq.put("y"))
    t2 = asyncio.create_task(bq.put("z"))
    await asyncio.sleep(0)
    print(bq.full(), bq.qsize())
    t1.cancel()
    print(await bq.get())
    await asyncio.sleep(0)
    print(t1.cancelled(), t2.done(), bq.qsize())
    print(await bq.get())
    eq = asyncio.Queue()
    g1 = asyncio.create_task(eq.get())
    g2 = asyncio.create_task(eq.get())
    await asyncio.sleep(0)
    eq.put_nowait(1)
    g1.cancel()
    await asyncio.sleep(0)
    print(g1.cancelled(), g2.done(), g2.done() and g2.result())
    try:
        await asyncio.wait_for(eq.get(), 0.5)
    except TimeoutError:
        print("timeout", eq.qsize())
    lk = asyncio.Lock()
    ts = [asyncio.create_task(holder(lk, i)) for i in range(3)]
    await asyncio.sleep(0.05)
    ts[1].cancel()
    print(await asyncio.gather(*ts, return_exceptions=True))
    print(lk.locked())
    try:
        lk.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(await lk.acquire(), lk.locked())
    lk.release()
    ev = asyncio.Event()

    async def waiter(n):
        print("event", n, await ev.wait())

    ws = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0)
    ev.set()
    ev.set()
    await asyncio.gather(*ws)
    q = asyncio.Queue()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
