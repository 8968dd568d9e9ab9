# shutdown() without immediate: items already queued can still be taken
# loopscope-case: python >= 3.13
import asyncio


async def main():
    q = asyncio.Queue()
    for word in ("alpha", "beta"):
        q.put_nowait(word)
    q.shutdown()
    print("qsize after shutdown:", q.qsize())
    while True:
        try:
            print("get:", await q.get())
        except asyncio.QueueShutDown:
            print("empty and shut down")
            break
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait raises QueueShutDown too")


asyncio.run(main())
