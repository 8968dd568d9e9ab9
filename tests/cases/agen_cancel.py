import asyncio


async def stream():
    try:
        for i in range(100):
            await asyncio.sleep(1)
            yield i
    finally:
        print("stream closed")


async def consumer():
    try:
        async for x in stream():
            print("got", x)
    except asyncio.CancelledError:
        print("consumer cancelled")
        raise


async def main():
    t = asyncio.create_task(consumer())
    await asyncio.sleep(2.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancel")
    leftover = asyncio.create_task(consumer())
    await asyncio.sleep(1.5)
    print("main returns with a consumer running")


asyncio.run(main())
