import asyncio


async def ticker(name):
    try:
        i = 0
        while True:
            await asyncio.sleep(0.5)
            yield f"{name}{i}"
            i += 1
    except GeneratorExit:
        print(name, "got GeneratorExit")
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        yield 1
    finally:
        yield 2


async def main():
    t = ticker("a")
    print(await t.__anext__())
    print(await t.__anext__())
    print(await t.aclose())
    print(await t.aclose())
    try:
        await t.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    fresh = ticker("b")
    await fresh.aclose()
    print("closed unstarted")
    s = stubborn()
    print(await s.__anext__())
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
