# qsize(), empty(), full() and maxsize as items go in and out; maxsize 0 means unbounded (never full).
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    await q.put(1)
    print(q.qsize(), q.empty(), q.full())
    await q.put(2)
    print(q.qsize(), q.empty(), q.full())
    await q.get()
    print(q.qsize(), q.empty(), q.full())
    u = asyncio.Queue()
    for i in range(100):
        u.put_nowait(i)
    print(u.maxsize, u.qsize(), u.full())

asyncio.run(main())
