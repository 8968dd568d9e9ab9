# Timeout.reschedule and expired() across a deadline that moves
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when(), "expired:", cm.expired())
            cm.reschedule(loop.time() + 0.2)
            await asyncio.sleep(0.1)
            cm.reschedule(loop.time() + 0.3)
            print("moved to", round(cm.when(), 3))
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", round(loop.time(), 3), "expired:", cm.expired())


asyncio.run(main())
