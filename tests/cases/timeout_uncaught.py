# An uncaught TimeoutError from asyncio.timeout ends the program: main raises, then end, error TimeoutError, status 1.
import asyncio

async def main():
    async with asyncio.timeout(0.5):
        await asyncio.sleep(2)

asyncio.run(main())
