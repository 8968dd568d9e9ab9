# fuzz_run: a bound method called with no arguments (here asyncio.timeout's
# __aexit__ machinery) copied them with memcpy from NULL (UBSan).
import asyncio

async def main():
    async with asyncio.timeout(0.5):
        await asyncio.sleep(2)

asyncio.run(main())
