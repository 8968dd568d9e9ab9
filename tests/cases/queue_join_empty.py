# join() on a queue with no unfinished items returns at once without yielding to other tasks.
import asyncio

async def other():
    print("other runs")

async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(other())
    await q.join()
    print("join returned first")
    await t

asyncio.run(main())
