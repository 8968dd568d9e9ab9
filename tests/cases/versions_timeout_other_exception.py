"""An exception other than CancelledError leaves an expired timeout() block: 3.13 chains a TimeoutError."""
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.5):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise ValueError("cleanup failed")
    except ValueError as e:
        ctx = e.__context__
        print("ValueError; context:", type(ctx).__name__)
        print("context of that:", type(ctx.__context__).__name__ if ctx is not None else None)
    except TimeoutError:
        print("TimeoutError")


asyncio.run(main())
