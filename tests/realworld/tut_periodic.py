# source: written for the corpus in the style of tutorials: a periodic background task, cancelled at the end
import asyncio
import time

async def heartbeat(interval):
    try:
        while True:
            print(f"heartbeat at {time.monotonic():.1f}")
            await asyncio.sleep(interval)
    except asyncio.CancelledError:
        print("heartbeat stopped")
        raise

async def main():
    hb = asyncio.create_task(heartbeat(0.3))
    await asyncio.sleep(1)
    hb.cancel()
    try:
        await hb
    except asyncio.CancelledError:
        pass
    print("main done", hb.cancelled())

asyncio.run(main())
