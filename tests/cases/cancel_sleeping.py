# task.cancel() on a sleeping task throws CancelledError into it at its
# await; it cleans up and re-raises, and the task ends cancelled.
import asyncio

async def download():
    try:
        print("download starts")
        await asyncio.sleep(5)
        print("download complete")
    except asyncio.CancelledError:
        print("download interrupted, removing partial file")
        raise

async def main():
    t = asyncio.create_task(download())
    await asyncio.sleep(1)
    print("cancel returns", t.cancel())
    print("cancelled yet?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancellation")
    print("now cancelled?", t.cancelled(), "done?", t.done())

asyncio.run(main())
