# wait_for with a negative timeout on a task that is already done returns its result without waiting or raising.
import asyncio

async def quick():
    return "ready"

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("done?", t.done())
    v = await asyncio.wait_for(t, timeout=-1)
    print("result", v)

asyncio.run(main())
