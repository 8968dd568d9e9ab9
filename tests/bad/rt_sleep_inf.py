import asyncio
async def main():
    await asyncio.sleep(float("inf"))
    print("woke")
asyncio.run(main())
