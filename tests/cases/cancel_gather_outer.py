# REQUIRED: cancelling a gather (the outer future) cancels every child that is still running; the awaiting task gets CancelledError.
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise

async def main():
    g = asyncio.gather(child("a", 0.5), child("b", 2), child("c", 3))
    await asyncio.sleep(1)
    print("cancel gather ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} main: gather cancelled={g.cancelled()}")

asyncio.run(main())
