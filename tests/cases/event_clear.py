# Event.clear() resets the flag: a later wait() blocks again until the next set().
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    loop.call_later(1, ev.set)
    await ev.wait()
    print(f"{loop.time():.2f} first wait done, is_set={ev.is_set()}")
    ev.clear()
    print("after clear:", ev.is_set())
    loop.call_later(2, ev.set)
    await ev.wait()
    print(f"{loop.time():.2f} second wait done")

asyncio.run(main())
