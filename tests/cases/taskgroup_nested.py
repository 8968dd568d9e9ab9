# REQUIRED: a nested TaskGroup's failure cancels its own siblings, then propagates as an ExceptionGroup into the outer group, which cancels its tasks; the outer raises a group containing the inner group.
import asyncio

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise

async def failer():
    await asyncio.sleep(1)
    raise ValueError("inner failure")

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("inner-sibling", 5))
        tg.create_task(failer())

async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("outer-sibling", 5))
            outer.create_task(inner_group())
    except ExceptionGroup as eg:
        print(f"{asyncio.get_running_loop().time():.2f} outer: {eg!r}")
        inner = eg.exceptions[0]
        print("inner:", type(inner).__name__, repr(inner.exceptions))

asyncio.run(main())
