# Without return_exceptions, gather raises the first error at once, but the
# other children are not cancelled: they keep running and finish later.
import asyncio

async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    print(name, "finished")
    return name

async def main():
    try:
        await asyncio.gather(work("a", 1), work("b", 2, fail=True), work("c", 3))
    except RuntimeError as e:
        print("main caught:", e)
    print("main waits a bit more")
    await asyncio.sleep(2)
    print("main done")

asyncio.run(main())
