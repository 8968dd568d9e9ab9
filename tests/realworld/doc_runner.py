# source: CPython docs, asyncio-runner "Runner context manager"
import asyncio

async def main():
    await asyncio.sleep(1)
    print('hello')

with asyncio.Runner() as runner:
    runner.run(main())
