import asyncio
async def c(): pass
async def main():
    x = c()
    await x
    await x
asyncio.run(main())
