import asyncio
async def spin():
    while True:
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(spin(), spin())
asyncio.run(main())
