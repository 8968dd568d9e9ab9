# Loop iterations of shield: the awaiting task resumes one iteration after the inner task ends (the outer future is completed by a callback).
import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def inner():
    print("inner runs")
    return "x"

async def main():
    t = asyncio.create_task(ticker(5))
    await asyncio.sleep(0)
    v = await asyncio.shield(inner())
    print("shield returned", v)
    await t

asyncio.run(main())
