# Nested timeouts: the outer (shorter) one fires while inside the inner block; the inner lets CancelledError pass, only the outer turns it into TimeoutError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(3)
            except TimeoutError:
                print("inner caught TimeoutError (wrong)")
            except asyncio.CancelledError:
                print(f"{loop.time():.2f} inner block saw CancelledError, inner.expired={inner.expired()}")
                raise
    except TimeoutError:
        print(f"{loop.time():.2f} outer TimeoutError, outer.expired={outer.expired()}")

asyncio.run(main())
