"""wait_for in Python 3.11 and 3.12: same code, different hops
In 3.11, asyncio.wait_for wraps the coroutine in a task of its own and
waits for that task, so a second task card appears and the numbering of
later tasks moves on by one. From 3.12, wait_for is built on
asyncio.timeout(): the coroutine runs inside the caller's own task, and a
timeout cancels the caller's await instead of a separate task.
Compare them side by side:
    loopscope compare --python 3.11 --python 3.12 scenarios/wait_for_versions.py
"""
import asyncio


async def fetch(what, delay):
    print(f"fetch({what}) runs in {asyncio.current_task().get_name()}")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"fetch({what}) is cancelled")
        raise
    return f"{what} after {delay}s"


async def main():
    print(await asyncio.wait_for(fetch("quick", 0.5), timeout=1))
    try:
        await asyncio.wait_for(fetch("slow", 3), timeout=1)
    except TimeoutError:
        print("slow timed out")
    later = asyncio.create_task(fetch("later", 0.5))
    print("the next task is", later.get_name())
    print(await later)


asyncio.run(main())
