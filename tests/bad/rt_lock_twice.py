import asyncio
async def main():
    l = asyncio.Lock()
    await l.acquire()
    await l.acquire()
asyncio.run(main())
