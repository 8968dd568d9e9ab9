import asyncio
async def main():
    q = asyncio.Queue()
    await q.get()
asyncio.run(main())
