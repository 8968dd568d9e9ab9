import asyncio
async def main():
    await asyncio.gather(asyncio.current_task())
asyncio.run(main())
