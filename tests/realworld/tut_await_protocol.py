# source: written for the corpus in the style of tutorials: wait_for on a queue, a class with __await__, timeout around async for
import asyncio
import sys

async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0.1)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        return self.run().__await__()
    async def run(self):
        while self.n:
            print("T-", self.n)
            await asyncio.sleep(0.1)
            self.n -= 1
        return "liftoff"

async def main():
    q = asyncio.Queue()
    try:
        item = await asyncio.wait_for(q.get(), timeout=0.2)
    except asyncio.TimeoutError:
        print("queue empty after 0.2s")
    print(await Countdown(2))
    try:
        async with asyncio.timeout(0.25):
            async for i in ticker(10):
                print("tick", i)
    except TimeoutError:
        print("ticker timed out")
    loop = asyncio.get_event_loop()
    print(loop is asyncio.get_running_loop(), loop.is_running())
    return 0

if __name__ == "__main__":
    sys.exit(asyncio.run(main(), debug=False))
