# source: CPython docs, contextlib "aclosing" (ticker from PEP 525)
import asyncio
from contextlib import aclosing

async def ticker(delay, to):
    """Yield numbers from 0 to *to* every *delay* seconds."""
    try:
        for i in range(to):
            yield i
            await asyncio.sleep(delay)
    finally:
        print("ticker closed")

async def main():
    async with aclosing(ticker(0.1, 100)) as values:
        async for value in values:
            if value > 4:
                break
            print(value)

asyncio.run(main())
