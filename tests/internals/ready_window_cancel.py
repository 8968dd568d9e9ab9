"""internals cache: a due timer that joined the ready queue's shown twelve as the queue moved up, then cancelled there, goes at once"""
import asyncio

hs = []


def tick(i):
    if i == 2:
        hs[13].cancel()
    print("tick", i)


async def main():
    loop = asyncio.get_running_loop()
    for i in range(13):
        hs.append(loop.call_later(0.5, tick, i))
    hs.append(loop.call_later(0.5, len, "x"))
    for i in range(13, 20):
        hs.append(loop.call_later(0.5, tick, i))
    await asyncio.sleep(1)


asyncio.run(main())
