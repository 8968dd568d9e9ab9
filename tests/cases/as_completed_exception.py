# An exception from one awaitable in as_completed is raised by the await that yields it, in completion order; later ones can still be awaited.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise LookupError(name)
    return name

async def main():
    loop = asyncio.get_running_loop()
    for f in asyncio.as_completed([job("a", 2), job("b", 1, fail=True), job("c", 3)]):
        try:
            v = await f
            print(f"{loop.time():.2f} ok {v}")
        except LookupError as e:
            print(f"{loop.time():.2f} failed {e!r}")

asyncio.run(main())
