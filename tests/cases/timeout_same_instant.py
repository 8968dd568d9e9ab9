# Edge: a sleep inside asyncio.timeout(1) that ends at the very instant of the deadline: the timeout's timer was scheduled first, so it wins and TimeoutError is raised.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(1)
            print("sleep finished")
    except TimeoutError:
        print(f"{loop.time():.3f} TimeoutError, expired={cm.expired()}")

asyncio.run(main())
