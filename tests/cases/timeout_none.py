# asyncio.timeout(None) never fires: when() is None and a long sleep inside completes.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print("when:", cm.when())
        await asyncio.sleep(100)
    print(f"{loop.time():.2f} done, expired={cm.expired()}")

asyncio.run(main())
