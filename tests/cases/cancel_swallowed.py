# A task may catch CancelledError and return normally: then it is not
# cancelled at all, and its result is what it returned.
import asyncio

async def careful():
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("careful: cancel requested, saving state")
        await asyncio.sleep(0.5)
        print("careful: saved")
        return "saved"

async def main():
    t = asyncio.create_task(careful())
    await asyncio.sleep(1)
    t.cancel()
    v = await t
    print("result:", v, "cancelled:", t.cancelled())

asyncio.run(main())
