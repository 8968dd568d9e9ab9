# Long delays cost nothing on a virtual clock: the clock jumps a day and
# more, straight to the deadline.
import asyncio
import time

async def main():
    await asyncio.sleep(86400 * 2)
    print(f"{time.monotonic() / 3600:.1f} hours later")
    await asyncio.sleep(0.001)
    print(repr(time.monotonic()))

asyncio.run(main())
