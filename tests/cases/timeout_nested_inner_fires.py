# Nested timeouts: the inner (shorter) one fires; its TimeoutError can be caught inside the outer block, which goes on and finishes unexpired.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(5) as outer:
        try:
            async with asyncio.timeout(1) as inner:
                await asyncio.sleep(3)
        except TimeoutError:
            print(f"{loop.time():.2f} inner timed out, inner.expired={inner.expired()} outer.expired={outer.expired()}")
        await asyncio.sleep(1)
        print(f"{loop.time():.2f} outer block goes on")
    print(f"{loop.time():.2f} outer.expired={outer.expired()}")

asyncio.run(main())
