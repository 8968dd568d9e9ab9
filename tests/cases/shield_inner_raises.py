# An exception in the shielded coroutine propagates to the awaiting task.
import asyncio

async def fragile():
    await asyncio.sleep(1)
    raise KeyError("missing")

async def main():
    try:
        await asyncio.shield(fragile())
    except KeyError as e:
        print(f"{asyncio.get_running_loop().time():.2f} caught {e!r}")

asyncio.run(main())
