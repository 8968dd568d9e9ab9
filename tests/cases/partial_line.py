# A partial line (print with end="") is written as its own print event just
# before the next event of another kind, at the time it is written out.
import asyncio

async def worker():
    print("worker: ", end="")
    await asyncio.sleep(1)
    print("done")

async def main():
    print("loading", end="")
    print("...", end="")
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    print("half", end=" ")
    await t
    print("tail without newline", end="")

asyncio.run(main())
print("x", end="")
