# reschedule() to a time already past fires on the next loop iteration (call_soon), cancelling the block's next await.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() - 5)
            print("rescheduled into the past")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError, expired={cm.expired()}")

asyncio.run(main())
