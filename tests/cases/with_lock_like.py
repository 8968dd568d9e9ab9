"""A hand-written lock used through `async with`, and a timer through `with`."""
import asyncio
import time


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.monotonic()
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"{self.label} took {time.monotonic() - self.start:.1f}s")


class SlowLock:
    def __init__(self):
        self.held = False
        self.waiters = []

    async def __aenter__(self):
        while self.held:
            fut = asyncio.get_running_loop().create_future()
            self.waiters.append(fut)
            await fut
        self.held = True
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        self.held = False
        if self.waiters:
            self.waiters.pop(0).set_result(None)
        return False


lock = SlowLock()


async def worker(name, d):
    async with lock:
        print(name, "has the lock")
        with Timer(name):
            time.sleep(d)
            await asyncio.sleep(d)


async def main():
    await asyncio.gather(worker("a", 0.5), worker("b", 0.2), worker("c", 0.1))


asyncio.run(main())
