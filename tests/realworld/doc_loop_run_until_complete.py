# source: CPython docs, asyncio-eventloop (new_event_loop, run_until_complete, shutdown_asyncgens, close)
import asyncio

async def main():
    await asyncio.sleep(0.5)
    print("main done")
    return 7

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(main()))
    loop.run_until_complete(loop.shutdown_asyncgens())
finally:
    loop.close()
