import asyncio
async def a():
    await tb
async def b():
    await ta
async def main():
    global ta, tb
    ta = asyncio.create_task(a())
    tb = asyncio.create_task(b())
    await ta
asyncio.run(main())
