# Awaiting a coroutine runs it inside the current task: main -> load ->
# fetch is one task, so only one start line appears.
import asyncio

async def fetch(what, delay):
    print("fetch", what)
    await asyncio.sleep(delay)
    return what + " data"

async def load(items):
    out = []
    for it in items:
        out.append(await fetch(it, 0.5))
    return out

async def main():
    result = await load(["users", "posts"])
    print(result)
    print(len(await load([])))

asyncio.run(main())
