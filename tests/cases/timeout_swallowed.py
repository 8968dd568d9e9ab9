# If the block swallows the CancelledError, no TimeoutError is raised, but expired() is still True.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print(f"{loop.time():.2f} block swallowed the cancel")
    print(f"{loop.time():.2f} after block, expired={cm.expired()}")
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} task not cancelled again")

asyncio.run(main())
