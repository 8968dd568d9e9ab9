# A gather can wait on other gathers; results nest the same way, and each
# level of gather adds its own loop iterations before the outer one returns.
import asyncio

ticks = 0

async def ticker():
    global ticks
    while ticks < 20:
        ticks += 1
        await asyncio.sleep(0)

async def leaf(name):
    await asyncio.sleep(0)
    print(f"{name} returns at tick {ticks}")
    return name

async def main():
    asyncio.create_task(ticker())
    inner = asyncio.gather(leaf("a"), leaf("b"))
    result = await asyncio.gather(inner, leaf("c"))
    print(f"outer gather returned {result} at tick {ticks}")

asyncio.run(main())
