# source: CPython docs, asyncio-task "Coroutines" (hello / world)
import asyncio

async def main():
    print('hello')
    await asyncio.sleep(1)
    print('world')

asyncio.run(main())
