# source: written for the corpus in the style of tutorials: readers looping with the walrus until a sentinel
import asyncio

async def reader(name, q):
    while (item := await q.get()) is not None:
        print(f"{name}: {item}")
        q.task_done()
    q.task_done()

async def main():
    q = asyncio.Queue()
    readers = [asyncio.create_task(reader(f"r{i}", q)) for i in range(2)]
    for word in "the quick brown fox".split():
        await q.put(word)
    for _ in readers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*readers)
    print(*[r.done() for r in readers], sep=", ")

asyncio.run(main())
