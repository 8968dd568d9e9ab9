# REQUIRED: a child of gather(return_exceptions=True) cancelled on its own shows up as a CancelledError in the results; the gather itself is not cancelled.
import asyncio

async def child(n):
    await asyncio.sleep(n)
    return n

async def main():
    a = asyncio.create_task(child(1))
    b = asyncio.create_task(child(2))
    g = asyncio.gather(a, b, return_exceptions=True)
    await asyncio.sleep(0.5)
    b.cancel("stop b")
    res = await g
    print(f"{asyncio.get_running_loop().time():.2f}", [repr(r) for r in res])

asyncio.run(main())
