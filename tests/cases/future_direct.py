"""asyncio.Future() called directly, before any loop runs."""
import asyncio

fut = asyncio.Future()
print(fut.done(), fut.cancelled())
fut.set_result(42)
print(fut.done(), fut.result())


async def main():
    f = asyncio.Future()
    loop = asyncio.get_running_loop()
    loop.call_later(1, f.set_result, "late")
    print(await f)
    g = asyncio.Future(loop=loop)
    g.cancel()
    print(g.cancelled())


asyncio.run(main())
