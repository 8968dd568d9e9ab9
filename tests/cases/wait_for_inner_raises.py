# An exception raised by the inner coroutine before the timeout propagates out of wait_for unchanged.
import asyncio

class FetchError(Exception):
    pass

async def fetch():
    await asyncio.sleep(0.25)
    raise FetchError("server said no")

async def main():
    try:
        await asyncio.wait_for(fetch(), timeout=1)
    except FetchError as e:
        print(f"{asyncio.get_running_loop().time():.2f} caught {e!r}")

asyncio.run(main())
