import asyncio

async def work():
    pass

async def main():
    try:
        raise ValueError("x")
    except ValueError as e:
        err = e
    c = work()
    raise err

async def outer():
    try:
        await main()
    except ValueError:
        print("caught")
    print("after")

asyncio.run(outer())
print("end of module")
