"""internals cache: handles pushed onto another loop's ready queue while this one runs leave this one's queue as it is (check_internals runs it with PUSH = False too: its snapshots must read the same)"""
import asyncio

PUSH = True


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
