# The traceback module: print_exc and print_exception write loopscope's
# traceback to standard error (off the trace, as in CPython); format_exc's
# first and last lines and format_exception_only are CPython's.
import asyncio
import traceback

class AppError(Exception):
    pass

async def fail():
    await asyncio.sleep(0.1)
    raise RuntimeError("oops")

async def main():
    t = asyncio.create_task(fail())
    try:
        await t
    except RuntimeError as e:
        print("error:", t.exception())
        traceback.print_exc()
        print(traceback.format_exception_only(e), traceback.format_exception_only(type(e), e))
        print(traceback.format_exc().splitlines()[0], traceback.format_exc().splitlines()[-1])
    print(traceback.format_exception_only(AppError()), traceback.format_exception_only(asyncio.CancelledError("x")), traceback.format_exception_only(asyncio.QueueEmpty()), traceback.format_exception_only(None))
    print(repr(traceback.format_exc()))
    traceback.print_exception(ValueError("v"))
    print("continuing")

asyncio.run(main())
