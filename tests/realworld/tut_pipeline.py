# source: written for the corpus in the style of tutorials: a three-stage pipeline of queues
import asyncio

async def stage(name, inq, outq, fn, delay):
    while True:
        item = await inq.get()
        if item is None:
            if outq is not None:
                await outq.put(None)
            break
        await asyncio.sleep(delay)
        out = fn(item)
        print(f"{name}: {item} -> {out}")
        if outq is not None:
            await outq.put(out)

async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    s1 = asyncio.create_task(stage("double", q1, q2, lambda x: x * 2, 0.1))
    s2 = asyncio.create_task(stage("square", q2, None, lambda x: x * x, 0.15))
    for i in range(4):
        await q1.put(i)
    await q1.put(None)
    await asyncio.gather(s1, s2)

asyncio.run(main())
