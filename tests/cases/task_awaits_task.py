# Tasks can await other tasks; one task can be awaited by several waiters,
# and they all wake when it finishes, in the order they started waiting.
import asyncio

async def produce():
    await asyncio.sleep(1)
    print("produced")
    return "item"

async def consume(name, source):
    print(name, "waits")
    v = await source
    print(name, "got", v)
    return name

async def main():
    p = asyncio.create_task(produce())
    c1 = asyncio.create_task(consume("c1", p))
    c2 = asyncio.create_task(consume("c2", p))
    print(await c2, await c1, await p)

asyncio.run(main())
