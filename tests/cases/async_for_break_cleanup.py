import asyncio

async def agen():
    try:
        for i in range(5):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("cleanup")

async def main():
    async for x in agen():
        print(x)
        if x == 1:
            break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep0")
    await asyncio.sleep(1)
    print("end main")

asyncio.run(main())
