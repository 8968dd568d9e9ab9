# A timeout whose block finishes in time does nothing: no exception, expired() False, when() is the absolute deadline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.5)
    async with asyncio.timeout(2) as cm:
        print(f"when={cm.when():.2f}")
        await asyncio.sleep(1)
    print(f"{loop.time():.2f} block done, expired={cm.expired()}")
    await asyncio.sleep(3)
    print(f"{loop.time():.2f} still fine")

asyncio.run(main())
