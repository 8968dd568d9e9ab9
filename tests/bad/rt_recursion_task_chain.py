import asyncio
async def f(n):
    await asyncio.create_task(f(n + 1))
asyncio.run(f(0))
