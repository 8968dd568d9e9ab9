import asyncio
async def main():
    await asyncio.sleep(float("nan"))
    print("woke")
asyncio.run(main())
