"""contextlib: contextmanager, asynccontextmanager, suppress, nullcontext,
closing, ExitStack and AsyncExitStack."""
import asyncio
from contextlib import contextmanager, asynccontextmanager, suppress, nullcontext, closing
from contextlib import AsyncExitStack, ExitStack


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


@asynccontextmanager
async def connection(host, delay):
    print("connecting to", host)
    await asyncio.sleep(delay)
    try:
        yield f"conn:{host}"
    finally:
        await asyncio.sleep(0.1)
        print("closed", host)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("close", self.name)


async def use(host, delay):
    async with connection(host, delay) as conn:
        print("using", conn)
        await asyncio.sleep(delay)
    return host


async def main():
    with tag("b") as t:
        print("inside", t)
    with suppress(KeyError, ZeroDivisionError):
        print({}["missing"])
    print("suppressed")
    try:
        with tag("x"):
            raise ValueError("boom")
    except ValueError as e:
        print("propagated", e)
    with nullcontext(5) as five, closing(Resource("r1")) as r:
        print(five, r.name)
    print(await asyncio.gather(use("a", 0.2), use("b", 0.1)))
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(h, 0.1)) for h in ("x", "y")]
        stack.callback(print, "callback ran")
        stack.push_async_callback(asyncio.sleep, 0.5)
        print(conns)
    with ExitStack() as stack:
        for n in ("p", "q"):
            stack.enter_context(tag(n))
    try:
        async with connection("z", 0.1):
            raise KeyError("k")
    except KeyError as e:
        print("KeyError", e)


asyncio.run(main())
