"""asyncio.to_thread keeps the loop free during a blocking call
load_file() is ordinary blocking code: time.sleep(0.8) stands for reading a
big file. Called directly from a task it freezes the whole loop, so the
ticker falls silent. Handed to asyncio.to_thread it runs on a worker thread
(asyncio_0, in the THREADS area) while the loop keeps ticking.
loopscope runs the thread's function at once on its own clock; see
docs/threads.md for the rule.
"""
import asyncio
import time


def load_file(name):
    time.sleep(0.8)  # blocking: a slow disk, a CPU-heavy parse...
    return f"{name}: 42 rows"


async def ticker(label):
    for i in range(4):
        print(f"{label} tick {i} at {time.monotonic():.2f}")
        await asyncio.sleep(0.25)


async def blocking_way():
    rows = load_file("a.csv")  # the loop is stuck here for 0.8s
    print("blocking:", rows)


async def threaded_way():
    rows = await asyncio.to_thread(load_file, "b.csv")  # the loop stays free
    print("threaded:", rows)


async def main():
    await asyncio.gather(ticker("frozen"), blocking_way())
    print("--- now through asyncio.to_thread ---")
    await asyncio.gather(ticker("free"), threaded_way())


asyncio.run(main())
