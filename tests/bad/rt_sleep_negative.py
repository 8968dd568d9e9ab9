import asyncio
async def main():
    await asyncio.sleep(-5)
    print("woke")
asyncio.run(main())
