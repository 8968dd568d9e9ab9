# Several tasks fail; their errors, collected by gather(return_exceptions=True),
# are raised as one ExceptionGroup and handled clause by clause with except*.
import asyncio


async def fetch(name, delay, fail):
    await asyncio.sleep(delay)
    if fail == "value":
        raise ValueError(f"{name}: bad value")
    if fail == "timeout":
        raise TimeoutError(name)
    if fail == "key":
        raise KeyError(name)
    return name


async def run_all(jobs):
    results = await asyncio.gather(*(fetch(*j) for j in jobs), return_exceptions=True)
    errors = [r for r in results if isinstance(r, Exception)]
    if errors:
        raise ExceptionGroup("fetch failed", errors)
    return results


async def main():
    jobs = [("a", 0.1, None), ("b", 0.2, "value"), ("c", 0.3, "timeout"), ("d", 0.4, "value")]
    try:
        await run_all(jobs)
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions])
    except* TimeoutError as eg:
        print("timeouts:", repr(eg))
    try:
        try:
            await run_all([("e", 0.1, "key"), ("f", 0.1, "value")])
        except* ValueError:
            print("handled the ValueError")
            raise RuntimeError("while handling")
    except ExceptionGroup as eg:
        print("left:", repr(eg), "|", eg)
    try:
        raise OSError("naked")
    except* OSError as eg:
        print("wrapped:", repr(eg), eg.exceptions[0] is not None)
    try:
        try:
            raise ValueError("x")
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("TypeError:", e)
    done = set()
    try:
        await run_all([("g", 0.1, "key"), ("h", 0.2, None)])
    except* KeyError as eg:
        done |= {str(e) for e in eg.exceptions}
    else:
        print("no error")
    finally:
        print("finally", done)
    await run_all([("i", 0.1, "value"), ("j", 0.2, "key")])


asyncio.run(main())
