# source: written for the corpus in the style of tutorials: a class-based async iterator
import asyncio

class Countdown:
    def __init__(self, start, delay):
        self.current = start
        self.delay = delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.current -= 1
        return self.current + 1

async def main():
    async for n in Countdown(3, 0.5):
        print(n)
    print([n async for n in Countdown(2, 0.1)])

asyncio.run(main())
