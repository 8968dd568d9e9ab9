# to_thread(time.sleep, nan) made a worker's clock NaN and spun forever.
import asyncio
import time
async def main():
    try:
        await asyncio.to_thread(time.sleep, float("inf"))
    except OverflowError as e:
        print("OverflowError", e)
    await asyncio.to_thread(time.sleep, float("nan"))
asyncio.run(main())
