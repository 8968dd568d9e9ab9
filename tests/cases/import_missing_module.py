# A module that CPython does not have either (a typo, or a package that is
# not installed) fails at run time with CPython's ModuleNotFoundError,
# which a program may catch; standard-library modules loopscope lacks are
# still refused when the file loads (tests/errors).
import asyncio

try:
    import uvloop_not_installed as fast_loop
except ModuleNotFoundError as e:
    fast_loop = None
    print(type(e).__name__, e, isinstance(e, ImportError))

try:
    from aiohttp.web import Application
except ImportError as e:
    print(type(e).__name__, e)


async def main():
    print("using", "uvloop" if fast_loop else "asyncio")
    await asyncio.sleep(0.1)
    import asyncoi


asyncio.run(main())
