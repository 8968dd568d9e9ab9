import asyncio

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
        await asyncio.sleep(0.5)
        print("cleanup done")

g = None
async def main():
    global g
    g = agen()
    print(await g.__anext__())
    print("main done")

asyncio.run(main())
print("next")
