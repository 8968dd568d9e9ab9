# Several tasks blocked in get() are served in the order they started waiting.
import asyncio

async def getter(q, name):
    item = await q.get()
    print(f"{asyncio.get_running_loop().time():.2f} {name} got {item}")

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(q, n)) for n in ("g1", "g2", "g3")]
    await asyncio.sleep(1)
    for item in "abc":
        q.put_nowait(item)
    print("put three items")
    await asyncio.gather(*tasks)

asyncio.run(main())
