# A gather finishes two loop iterations after its last child: a ticker that
# yields with sleep(0) counts the iterations in between.
import asyncio

ticks = 0

async def ticker():
    global ticks
    while ticks < 12:
        ticks += 1
        await asyncio.sleep(0)

async def child(name, hops):
    for i in range(hops):
        await asyncio.sleep(0)
    print(f"{name} returns at tick {ticks}")
    return name

async def main():
    t = asyncio.create_task(ticker())
    results = await asyncio.gather(child("x", 1), child("y", 3))
    print(f"gather returned {results} at tick {ticks}")
    await t

asyncio.run(main())
