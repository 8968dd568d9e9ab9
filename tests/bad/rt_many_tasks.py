import asyncio
async def w():
    await asyncio.sleep(1)
async def main():
    for i in range(10**7):
        asyncio.create_task(w())
asyncio.run(main())
