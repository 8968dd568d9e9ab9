import asyncio
async def bad():
    raise ValueError("x")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
asyncio.run(main())
