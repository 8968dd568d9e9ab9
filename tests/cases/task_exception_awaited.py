# An exception raised inside a task comes out of the await on that task,
# where main catches it. The task itself ends with "raised".
import asyncio

async def fetch(n):
    await asyncio.sleep(n)
    if n > 1:
        raise KeyError(f"item{n}")
    return n * 10

async def main():
    ok = asyncio.create_task(fetch(1))
    bad = asyncio.create_task(fetch(2))
    print("ok:", await ok)
    try:
        await bad
    except KeyError as e:
        print("caught", repr(e), e.args)
    print("bad.done():", bad.done(), "cancelled:", bad.cancelled())

asyncio.run(main())
