# source: seed 000, live demo "asyncio.sleep — yielding without blocking"
import asyncio

async def slow():
    await asyncio.sleep(2)
    print('slow done')

async def fast():
    print('fast done')

async def main():
    await asyncio.gather(slow(), fast())

asyncio.run(main())
