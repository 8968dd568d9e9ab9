# asyncio.sleep's paths: a delay of zero or less yields once and returns
# the result, a bool is a delay, a delay that is not a number fails where
# CPython's does, a sleep coroutine driven by hand, a sleep cancelled in a
# task (its finally runs at once), a task and a wait_for of a bare sleep.
import asyncio


async def main():
    print(await asyncio.sleep(-1, "neg"))
    print(await asyncio.sleep(False, "false"))
    print(await asyncio.sleep(True, "true"))
    for bad in ["1", None]:
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print("TypeError", e)
    c = asyncio.sleep(5)
    print(type(c).__name__, asyncio.iscoroutine(c))
    print(c.send(None))
    try:
        c.throw(ValueError("x"))
    except ValueError as e:
        print("thrown", e)
    t = asyncio.create_task(asyncio.sleep(2, "task"))
    print(await t)
    print(await asyncio.wait_for(asyncio.sleep(1, "wait_for"), 5))

    async def sleeper():
        try:
            await asyncio.sleep(3)
        finally:
            print("cleanup at", asyncio.get_running_loop().time())

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    await asyncio.sleep(0.25)
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
