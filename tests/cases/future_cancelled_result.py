# result() and exception() of a cancelled future raise CancelledError; cancel() on a done future returns False.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("cancel ->", fut.cancel())
    for name, method in (("result", fut.result), ("exception", fut.exception)):
        try:
            method()
        except asyncio.CancelledError:
            print(name, "raised CancelledError")
    done = loop.create_future()
    done.set_result(0)
    print("cancel done ->", done.cancel())

asyncio.run(main())
