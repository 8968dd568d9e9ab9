"""internals: a queue's str item replaced, between two steps, by another made where it was freed shows its own text"""
import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait("item" + str(0))
    for i in range(1, 5):
        q.get_nowait()
        q.put_nowait("item" + str(i))
        print("swapped", i)
    await asyncio.sleep(0)


asyncio.run(main())
