import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, print, 1)
    await asyncio.sleep(0)
    loop._selector
asyncio.run(main())
