# Cancelling the main task makes asyncio.run raise CancelledError: end, then error CancelledError, status 1.
import asyncio

async def main():
    asyncio.current_task().cancel()
    await asyncio.sleep(1)
    print("not reached")

asyncio.run(main())
