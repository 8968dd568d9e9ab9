# gather() with no arguments is already finished: awaiting it returns []
# without giving other tasks a turn. A gather of done tasks still hops.
import asyncio

log = []

async def ticker():
    for i in range(6):
        log.append(i)
        await asyncio.sleep(0)

async def value(v):
    return v

async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    r = await asyncio.gather()
    print("empty gather:", r, "ticks seen:", log)
    a = asyncio.create_task(value(1))
    b = asyncio.create_task(value(2))
    await asyncio.sleep(0)
    print("both done:", a.done() and b.done(), log)
    r = await asyncio.gather(a, b)
    print("gather of done tasks:", r, "ticks seen:", log)

asyncio.run(main())
