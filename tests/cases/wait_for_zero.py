# wait_for(timeout=0): the coroutine still becomes a task, which is cancelled at once
import asyncio


async def quick():
    print("quick starts")
    await asyncio.sleep(0)
    return "quick"


async def instant():
    return "instant"


async def main():
    try:
        print(await asyncio.wait_for(quick(), timeout=0))
    except TimeoutError:
        print("quick timed out")
    t = asyncio.ensure_future(instant())
    await asyncio.sleep(0)
    print(await asyncio.wait_for(t, timeout=0))


asyncio.run(main())
