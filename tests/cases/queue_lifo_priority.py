# LifoQueue returns the newest item first; PriorityQueue returns the smallest first.
import asyncio

async def main():
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        await lq.put(x)
        await pq.put((x, f"job{x}"))
    print("lifo:", [lq.get_nowait() for _ in range(3)])
    print("priority:", [pq.get_nowait() for _ in range(3)])

asyncio.run(main())
