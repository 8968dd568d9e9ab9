"""time.strftime, localtime, gmtime, asctime, ctime and mktime on the virtual clock
(virtual epoch 1970-01-01 00:00:00 UTC); asyncio.exceptions.X; __future__."""
from __future__ import annotations
import asyncio
import time

async def main() -> None:
    print(time.strftime("%Y-%m-%d %H:%M:%S"), time.localtime().tm_year)
    await asyncio.sleep(3725.5)
    print(time.strftime("%H:%M:%S %a %b %d %j %p %I %y %A %B %%", time.localtime()))
    print(time.gmtime(86400 * 365 * 30 + 12345))
    print(time.asctime(), "|", time.ctime(1e9))
    print(time.mktime(time.gmtime(1234567)))
    try:
        raise asyncio.exceptions.CancelledError()
    except asyncio.exceptions.CancelledError as e:
        print("cancelled", type(e).__name__, e is not None)
    print(asyncio.exceptions.TimeoutError is asyncio.TimeoutError)
asyncio.run(main())
