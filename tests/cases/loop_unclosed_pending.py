"""A loop left with pending tasks and never closed: at teardown its pending
coroutines are closed, so their finally blocks run."""
import asyncio


async def worker(n):
    try:
        print("worker", n, "waits")
        await asyncio.sleep(10)
    finally:
        print("worker", n, "cleans up")


async def main():
    asyncio.ensure_future(worker(1))
    asyncio.ensure_future(worker(2))
    await asyncio.sleep(1)
    print("main done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("bye")
