# A callback that calls call_soon schedules the new callback for the next iteration, after the tasks already queued.
import asyncio

def first(loop):
    print("first")
    loop.call_soon(second)

def second():
    print("second")

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    loop.call_soon(first, loop)
    await t

asyncio.run(main())
