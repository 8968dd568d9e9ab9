"""internals cache: other_loop.py without its pushes onto the other loop (the same snapshots)"""
import asyncio

PUSH = False


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    other = asyncio.new_event_loop()
    tasks = [asyncio.create_task(worker(k)) for k in range(1, 15)]
    for _ in range(12):
        if PUSH:
            other.call_soon(print, "never")
            other.call_soon(print, "never")
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    other.close()


asyncio.run(main())
