# After a failure the TaskGroup cancels the remaining siblings in creation order (harness: ordered set); each sibling's cleanup runs.
import asyncio

async def sibling(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def failer():
    await asyncio.sleep(1)
    raise RuntimeError("boom")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for name in ["s1", "s2", "s3", "s4", "s5"]:
                tg.create_task(sibling(name))
            tg.create_task(failer())
            tg.create_task(sibling("s6"))
    except* RuntimeError:
        print("group failed")

asyncio.run(main())
