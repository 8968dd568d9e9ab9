import asyncio

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

async def main():
    g = agen()
    print(await g.__anext__())
    raise ValueError("main failed")

try:
    asyncio.run(main())
except ValueError as e:
    print("caught", e)
