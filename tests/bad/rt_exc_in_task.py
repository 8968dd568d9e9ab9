import asyncio
async def w():
    raise RuntimeError("in task")
async def main():
    await asyncio.create_task(w())
asyncio.run(main())
