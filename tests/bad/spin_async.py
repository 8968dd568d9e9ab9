import asyncio
async def main():
    while True:
        await asyncio.sleep(1)
asyncio.run(main())
