import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(1), 2)

asyncio.run(main())
