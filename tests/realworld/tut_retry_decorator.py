# source: written for the corpus in the style of tutorials: a retry decorator with functools.wraps, timing, datetime formatting
import asyncio
import functools
import random
import time
from datetime import datetime, timedelta

def retry(times=3, delay=0.1):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError as e:
                    print(f"{fn.__name__} attempt {attempt} failed: {e}", flush=True)
                    await asyncio.sleep(delay * attempt)
            raise RuntimeError(f"{fn.__name__} failed after {times} attempts")
        return wrapper
    return deco

calls = 0

@retry(times=4)
async def fetch(url):
    global calls
    calls += 1
    await asyncio.sleep(0.05)
    if calls < 3:
        raise ConnectionError("reset by peer")
    return f"<html>{url}</html>"

def timed(fn):
    @functools.wraps(fn)
    async def inner(*a):
        t0 = time.perf_counter()
        r = await fn(*a)
        print(f"{fn.__qualname__} took {time.perf_counter() - t0:.3f}s")
        return r
    return inner

@timed
async def main():
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S}", datetime.now().isoformat(timespec="seconds"))
    print(await fetch("http://x"))
    d = timedelta(seconds=3725.5)
    print(d, str(d), d.total_seconds())
    print(f"{datetime(2024, 1, 2, 3, 4, 5):%A %d %B}", datetime.now() + timedelta(hours=1))

if __name__ == "__main__":
    asyncio.run(main())
