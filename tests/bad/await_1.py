import asyncio
async def main():
    await 1
asyncio.run(main())
