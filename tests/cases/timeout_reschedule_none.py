# reschedule(None) disarms a timeout: the block runs past the original deadline without being cancelled.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
        cm.reschedule(None)
        print("when:", cm.when())
        await asyncio.sleep(2)
    print(f"{loop.time():.2f} done, expired={cm.expired()}")

asyncio.run(main())
