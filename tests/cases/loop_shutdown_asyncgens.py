# The old-style loop lifecycle: new_event_loop, run_until_complete, then
# loop.shutdown_asyncgens() (an async generator left open is closed: its
# finally runs) and loop.shutdown_default_executor() before close().
import asyncio


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("ticker closed")


async def main():
    gen = ticker()
    async for i in gen:
        print(i)
        if i == 2:
            break
    return gen


async def after():
    print("after", asyncio.current_task().get_name())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    g = loop.run_until_complete(main())
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.run_until_complete(after())
finally:
    loop.close()
print("closed", loop.is_closed())
