import asyncio
async def main():
    f = asyncio.get_running_loop().create_future()
    await f
asyncio.run(main())
