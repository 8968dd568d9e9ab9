"""functools: wraps for async decorators, reduce, lru_cache, partial."""
import asyncio
import functools
from functools import wraps, reduce, partial, lru_cache


def timed(func):
    @wraps(func)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        start = loop.time()
        result = await func(*args, **kwargs)
        print(f"{func.__name__} took {loop.time() - start:.2f}s")
        return result
    return wrapper


@timed
async def fetch(n, delay=0.1):
    await asyncio.sleep(delay * n)
    return n


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


async def main():
    print(await asyncio.gather(fetch(1), fetch(3), partial(fetch, 2, delay=0.2)()))
    print(wrapper_name := fetch.__name__, fetch.__qualname__)
    print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
    print(fib(30), fib.cache_info())


asyncio.run(main())
