# A task that fails while nobody awaits it: its failure shows as "raised"
# in the trace; main never hears about it and finishes normally.
import asyncio

async def flaky():
    await asyncio.sleep(0.5)
    raise RuntimeError("lost error")

async def main():
    t = asyncio.create_task(flaky())
    await asyncio.sleep(1)
    print("main: task done?", t.done())
    t = None
    print("main finishes")

asyncio.run(main())
