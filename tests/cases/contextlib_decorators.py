# contextmanager / asynccontextmanager used as decorators (a fresh manager
# per call, the wrapped function's name on the task), and ContextDecorator
# / AsyncContextDecorator subclasses.
import asyncio
import time
from contextlib import AsyncContextDecorator, ContextDecorator, asynccontextmanager, contextmanager


@contextmanager
def tag(name):
    print("<" + name + ">")
    yield
    print("</" + name + ">")


@asynccontextmanager
async def timed(label):
    start = time.monotonic()
    try:
        yield
    finally:
        print(f"{label} took {time.monotonic() - start:.2f}s")


class logged(AsyncContextDecorator):
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit", exc[0])
        return False


class counted(ContextDecorator):
    calls = 0

    def __enter__(self):
        counted.calls += 1

    def __exit__(self, *exc):
        return False


@tag("p")
@counted()
def para(text):
    print(text)


@timed("job")
async def job(n):
    await asyncio.sleep(n)
    return n * 2


@logged()
async def fails():
    await asyncio.sleep(0.1)
    raise ValueError("no")


async def main():
    para("one")
    para("two")
    print(counted.calls, para.__name__, job.__name__)
    print(await asyncio.gather(job(0.5), job(0.25)))
    try:
        await fails()
    except ValueError as e:
        print("caught", e)


asyncio.run(main())
