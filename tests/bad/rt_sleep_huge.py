import asyncio
async def main():
    await asyncio.sleep(1e308)
    print("woke")
asyncio.run(main())
