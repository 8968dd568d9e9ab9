# 3.13: a timeout ends the async for with TimeoutError
# loopscope-case: python >= 3.13
import asyncio


async def slow(d):
    await asyncio.sleep(d)
    return d


async def main():
    ts = [asyncio.create_task(slow(d)) for d in (0.1, 2, 3)]
    try:
        async for t in asyncio.as_completed(ts, timeout=1):
            print("in time:", t.result())
    except TimeoutError:
        print("timed out; still pending:", sum(not t.done() for t in ts))
    for t in ts:
        t.cancel()


asyncio.run(main())
