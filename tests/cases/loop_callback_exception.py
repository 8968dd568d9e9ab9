# An exception in a call_soon callback does not stop the loop or the tasks; later callbacks still run.
import asyncio

def broken():
    raise ZeroDivisionError("in callback")

def fine():
    print("fine callback runs")

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("handler:", repr(ctx["exception"])))
    loop.call_soon(broken)
    loop.call_soon(fine)
    await asyncio.sleep(0.1)
    print("main goes on")

asyncio.run(main())
