"""--until: a loop that never ends stops at the time asked for."""
import asyncio

async def main():
    while True:
        await asyncio.sleep(7)

asyncio.run(main())
