import asyncio
async def main():
    await print
asyncio.run(main())
