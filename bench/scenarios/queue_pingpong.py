"""bench: two tasks hand a counter back and forth through two queues, 200,000 hand-offs"""
import asyncio

async def player(inbox, outbox, n):
    for _ in range(n):
        v = await inbox.get()
        await outbox.put(v + 1)

async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    ping = asyncio.create_task(player(a, b, 100000))
    pong = asyncio.create_task(player(b, a, 100000))
    await a.put(0)
    await asyncio.gather(ping, pong)
    print(a.qsize(), b.qsize(), a.get_nowait() if a.qsize() else b.get_nowait())

asyncio.run(main())
