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

asyncio.run(main())
print("next")
asyncio.run(main())
