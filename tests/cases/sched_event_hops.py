# Loop iterations of Event: a waiter resumes on the iteration after set(), after tasks that were already queued.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def waiter(ev):
    await ev.wait()
    print("waiter resumed")

async def main():
    ev = asyncio.Event()
    w = asyncio.create_task(waiter(ev))
    t = asyncio.create_task(ticker(3))
    await asyncio.sleep(0)
    ev.set()
    print("main set the event")
    await asyncio.gather(w, t)

asyncio.run(main())
