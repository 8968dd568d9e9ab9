# source: CPython docs, contextlib "suppress" and "nullcontext" with asyncio
import asyncio
from contextlib import suppress, nullcontext

async def main():
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0.1)
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    print("cancelled:", task.cancelled())
    async with nullcontext(42) as value:
        print(value)

asyncio.run(main())
