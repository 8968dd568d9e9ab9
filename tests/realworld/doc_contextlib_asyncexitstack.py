# source: CPython docs, contextlib "AsyncExitStack"
import asyncio
from contextlib import AsyncExitStack, asynccontextmanager

@asynccontextmanager
async def get_connection(i):
    await asyncio.sleep(0.01 * i)
    print("open", i)
    try:
        yield f"conn{i}"
    finally:
        print("close", i)

async def main():
    async with AsyncExitStack() as stack:
        connections = [await stack.enter_async_context(get_connection(i))
            for i in range(5)]
        print(connections)
        # All opened connections will automatically be released at the end of
        # the async with statement, even if attempts to open a connection
        # later in the list raise an exception.

asyncio.run(main())
