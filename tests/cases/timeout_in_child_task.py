# A timeout inside a child task only affects that task: the child raises TimeoutError, the parent awaiting it sees that exception.
import asyncio

async def child():
    async with asyncio.timeout(1):
        await asyncio.sleep(2)

async def main():
    t = asyncio.create_task(child())
    try:
        await t
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.2f} child raised TimeoutError, cancelled={t.cancelled()}")

asyncio.run(main())
