# source: written for the corpus in the style of tutorials: a request id in a ContextVar, lru_cache, map over coroutines
import asyncio
import contextvars
import functools
import itertools

request_id = contextvars.ContextVar("request_id", default=None)
counter = itertools.count(1)

def log(msg):
    print(f"[req {request_id.get()}] {msg}")

async def handler(name):
    request_id.set(next(counter))
    log(f"start {name}")
    await asyncio.sleep(0.1)
    log(f"end {name}")

@functools.lru_cache(maxsize=None)
def expensive(n):
    print("computing", n)
    return n * n

async def main():
    await asyncio.gather(*(handler(n) for n in "abc"))
    ctx = contextvars.copy_context()
    print(ctx.run(lambda: request_id.get()), request_id.get())
    print(expensive(4), expensive(4), expensive.cache_info())
    results = {}
    async def worker(key):
        await asyncio.sleep(0.01 * key)
        results.setdefault(key % 2, []).append(key)
    await asyncio.gather(*map(worker, range(6)))
    print(results, sorted(results.items()))
    print(list(itertools.batched(range(5), 2)) if hasattr(itertools, "batched") else "no batched")

asyncio.run(main())
