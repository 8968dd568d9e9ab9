# loop.time() is the virtual clock: it only moves across awaits that wait for a timer, and time.sleep moves it too.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.3f}")
    await asyncio.sleep(0)
    print(f"{loop.time():.3f} after sleep(0)")
    await asyncio.sleep(0.25)
    print(f"{loop.time():.3f} after sleep(0.25)")
    time.sleep(1)
    print(f"{loop.time():.3f} after time.sleep(1)")
    print(loop.time() == time.monotonic())

asyncio.run(main())
