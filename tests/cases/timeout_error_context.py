# 3.13: an error raised while a timeout cancels the body gets TimeoutError in its context chain
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            finally:
                raise ValueError("cleanup failed")
    except ValueError as e:
        ctx = e.__context__
        print("ValueError; context:", type(ctx).__name__)
        print("and its context:", type(ctx.__context__).__name__ if ctx.__context__ else None)


asyncio.run(main())
