# set_exception on a future makes await raise it; exception() returns it.
import asyncio

class MyError(Exception):
    pass

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_exception, MyError("bad"))
    try:
        await fut
    except MyError as e:
        print(f"{loop.time():.2f} raised {e!r}")
    print("exception():", repr(fut.exception()))

asyncio.run(main())
