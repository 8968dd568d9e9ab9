import asyncio
async def main():
    asyncio.run(main())
asyncio.run(main())
