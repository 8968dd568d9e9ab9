# source: CPython docs, asyncio-dev "Detect never-awaited coroutines"
import asyncio

async def test():
    print("never scheduled")

async def main():
    test()

asyncio.run(main())
