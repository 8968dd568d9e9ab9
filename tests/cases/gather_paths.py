# gather's paths: the same coroutine twice, return_exceptions, the first
# error, cancelling the gather, a child cancelled with a message, a done
# future, an awaitable object, arguments that are not awaitable, nested
# gathers and a gather whose error nobody awaits.
import asyncio


async def ok(x, d=0):
    await asyncio.sleep(d)
    return x


async def bad(d=0):
    await asyncio.sleep(d)
    raise ValueError("bad")


class Aw:
    def __await__(self):
        return ok("aw").__await__()


async def main():
    c = ok(1)
    print(await asyncio.gather(c, c, ok(2, 0.5)))
    print(await asyncio.gather(ok(1), bad(0.1), ok(3), return_exceptions=True))
    try:
        await asyncio.gather(ok(1, 1), bad(0.2))
    except ValueError as e:
        print("ValueError", e)
    await asyncio.sleep(2)
    g = asyncio.gather(ok(1, 5), ok(2, 5))
    await asyncio.sleep(0.1)
    print(g.cancel(), g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("cancelled", repr(e))
    t = asyncio.create_task(ok(7, 0.1))
    t2 = asyncio.create_task(ok(8, 10))
    g = asyncio.gather(t, t2, return_exceptions=True)
    await asyncio.sleep(0.2)
    t2.cancel("why")
    print(await g)
    f = asyncio.get_running_loop().create_future()
    f.set_result("done")
    print(await asyncio.gather(f, ok(5)))
    print(await asyncio.gather(Aw(), ok(6)))
    try:
        await asyncio.gather(ok(1), 5)
    except TypeError as e:
        print("TypeError", e)
    try:
        await asyncio.gather(ok(1), [1])
    except TypeError as e:
        print("TypeError", e)
    await asyncio.sleep(0.1)
    print(await asyncio.gather(asyncio.gather(ok(1), ok(2)), ok(3)))
    print(await asyncio.gather())
    outer = asyncio.gather(ok(1, 1), bad(0.5))
    await asyncio.sleep(2)
    print(outer.done(), outer.exception())


asyncio.run(main())
