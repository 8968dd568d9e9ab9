import asyncio

async def work():
    pass

async def main():
    c = work()
    await asyncio.sleep(0.1)
    raise ValueError("boom")

async def outer():
    try:
        await main()
    except ValueError:
        print("caught")
    print("after")

asyncio.run(outer())
