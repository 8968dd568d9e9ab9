# source: written for the corpus in the style of tutorials: a round-robin balancer (itertools.cycle) and a sliding-window rate limiter on a deque
import asyncio
from itertools import cycle, islice
from collections import deque

class RoundRobin:
    def __init__(self, backends):
        self._it = cycle(backends)
    def pick(self):
        return next(self._it)

class SlidingWindowLimiter:
    def __init__(self, rate, per):
        self.rate, self.per = rate, per
        self.calls = deque()
    async def acquire(self):
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            while self.calls and now - self.calls[0] >= self.per:
                self.calls.popleft()
            if len(self.calls) < self.rate:
                self.calls.append(now)
                return
            await asyncio.sleep(self.per - (now - self.calls[0]))

async def request(i, lb, limiter):
    await limiter.acquire()
    backend = lb.pick()
    t = asyncio.get_running_loop().time()
    print(f"{t:5.2f}s request {i} -> {backend}")
    await asyncio.sleep(0.05)

async def main():
    lb = RoundRobin(["a", "b", "c"])
    limiter = SlidingWindowLimiter(rate=3, per=1.0)
    await asyncio.gather(*(request(i, lb, limiter) for i in range(7)))
    print(list(islice(cycle("xy"), 5)))

asyncio.run(main())
