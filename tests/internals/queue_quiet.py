"""internals cache: a Queue changed by a task between two steps (no step of its own) shows its new items; the Lock that did not change stays"""
import asyncio


async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    q.put_nowait(1)
    q.put_nowait(2)
    print("two items")
    q.get_nowait()
    q.put_nowait(3)
    print("still two items")
    async with lock:
        print("locked")
    await asyncio.sleep(0)


asyncio.run(main())
