# A coroutine kept in a variable warns when its last reference goes away:
# when the variable is rebound, or when the frame that holds it finishes.
import asyncio

async def fetch():
    print("fetch body")

async def helper():
    c = fetch()
    print("helper holds a coroutine")
    await asyncio.sleep(1)
    print("helper returns")

async def main():
    c = fetch()
    print("stored")
    c = None
    print("rebound")
    await helper()
    print("back in main")
    task = asyncio.create_task(helper())
    await task

asyncio.run(main())
