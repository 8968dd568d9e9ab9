# Loop iterations asyncio.timeout costs: entering and leaving the block do not yield, so only the awaits inside count.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(ticker(5))
    await asyncio.sleep(0)
    print("enter")
    async with asyncio.timeout(5):
        print("inside")
        await asyncio.sleep(0)
        print("after sleep(0)")
    print("left the block")
    await t

asyncio.run(main())
