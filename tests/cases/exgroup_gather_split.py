# Several tasks fail; gather(return_exceptions=True) collects the errors into
# an ExceptionGroup, which is split, printed and raised uncaught at the end.
import asyncio


async def worker(n):
    await asyncio.sleep(n / 10)
    if n % 2:
        raise ValueError(f"odd {n}")
    if n == 4:
        raise KeyError(n)
    return n


async def main():
    results = await asyncio.gather(*(worker(n) for n in range(1, 6)), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    eg = ExceptionGroup("workers failed", errors)
    print(eg, "|", repr(eg))
    print(eg.message, len(eg.exceptions), isinstance(eg, Exception))
    values, rest = eg.split(ValueError)
    print(repr(values), repr(rest))
    print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(TypeError))
    print(repr(eg.derive([ValueError("x")])), eg.split(Exception)[0] is eg)
    try:
        ExceptionGroup("bad", [KeyboardInterrupt()])
    except TypeError as e:
        print("TypeError", e)
    try:
        ExceptionGroup("empty", [])
    except ValueError as e:
        print("ValueError", e)
    print(repr(BaseExceptionGroup("b", [ValueError(1)])))
    try:
        raise eg
    except Exception as e:
        print("caught", e)
    raise ExceptionGroup("outer", [eg, TypeError("t")])


asyncio.run(main())
