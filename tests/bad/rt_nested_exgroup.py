import asyncio
async def bad(n):
    raise ValueError(n)
async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(2))
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner())
asyncio.run(main())
