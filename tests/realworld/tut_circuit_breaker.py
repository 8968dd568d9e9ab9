# source: written for the corpus in the style of tutorials: a circuit breaker around a flaky backend
import asyncio

class CircuitOpen(Exception):
    pass

class CircuitBreaker:
    def __init__(self, threshold=2, reset_after=1.0):
        self.failures = 0
        self.threshold = threshold
        self.reset_after = reset_after
        self.opened_at = None

    async def call(self, fn, *args):
        loop = asyncio.get_running_loop()
        if self.opened_at is not None:
            if loop.time() - self.opened_at < self.reset_after:
                raise CircuitOpen("circuit open")
            self.opened_at = None
        try:
            result = await fn(*args)
        except Exception:
            self.failures += 1
            if self.failures >= self.threshold:
                self.opened_at = loop.time()
            raise
        self.failures = 0
        return result

async def flaky(i):
    await asyncio.sleep(0.1)
    if i in (1, 2, 3):
        raise IOError(f"backend down ({i})")
    return i

async def main():
    cb = CircuitBreaker()
    for i in range(8):
        try:
            print("ok", await cb.call(flaky, i))
        except CircuitOpen as e:
            print(i, "skipped:", e)
        except OSError as e:
            print(i, "failed:", type(e).__name__, e)
        await asyncio.sleep(0.3)

asyncio.run(main())
