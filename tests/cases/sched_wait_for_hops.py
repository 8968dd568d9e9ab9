# Loop iterations wait_for takes: a ticker shows when the caller resumes after the inner task returns, with and without a timeout.
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def quick():
    print("quick runs")
    return 1

async def main():
    t = asyncio.create_task(ticker(10))
    await asyncio.sleep(0)
    print("wait_for with timeout")
    await asyncio.wait_for(quick(), timeout=5)
    print("back (timeout=5)")
    await asyncio.wait_for(quick(), timeout=None)
    print("back (timeout=None)")
    await t

asyncio.run(main())
