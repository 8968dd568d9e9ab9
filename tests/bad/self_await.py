import asyncio
async def main():
    t = asyncio.current_task()
    await t
asyncio.run(main())
