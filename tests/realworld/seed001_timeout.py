# source: seed 001, "Timeout (Python 3.11+)"; slow_operation filled in
import asyncio

async def slow_operation():
    await asyncio.sleep(10)
    return "finished"

async def with_timeout():
    async with asyncio.timeout(5.0): # TimeoutError if >5s
        result = await slow_operation()

async def main():
    try:
        await with_timeout()
    except TimeoutError:
        print("timed out after 5 s")

asyncio.run(main())
