# async with asyncio.timeout(1): the block is cancelled at 1.0 and TimeoutError is raised outside the block; expired() becomes True.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1)
    try:
        async with cm:
            print("expired inside?", cm.expired())
            await asyncio.sleep(5)
            print("not reached")
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError outside the block, expired={cm.expired()}")
    print("main still running")

asyncio.run(main())
