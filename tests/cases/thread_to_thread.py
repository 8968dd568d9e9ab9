"""to_thread while other tasks sleep: the loop stays free."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def load_file(name):
    time.sleep(0.8)
    return f"<{name}>"


async def ticker():
    for i in range(5):
        print("tick", i, asyncio.get_running_loop().time())
        await asyncio.sleep(0.2)


async def main():
    t = asyncio.create_task(ticker())
    data = await asyncio.to_thread(load_file, "a.txt")
    print("loaded", data, time.time())
    await t


asyncio.run(main())
