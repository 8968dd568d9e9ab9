# Event.wait() on an event that is already set returns True at once without yielding to other tasks.
import asyncio

async def other():
    print("other runs")

async def main():
    ev = asyncio.Event()
    ev.set()
    t = asyncio.create_task(other())
    r = await ev.wait()
    print("wait returned", r, "before other ran")
    await t

asyncio.run(main())
