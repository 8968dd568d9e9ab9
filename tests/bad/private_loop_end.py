import asyncio
async def main():
    pass
asyncio.run(main())
[asyncio][0]._loop_end()
