# cancel() along a 200k-task await chain recursed in C.
import asyncio
async def leaf():
    await asyncio.sleep(10)
async def link(n):
    if n == 0:
        await leaf()
    else:
        await asyncio.create_task(link(n - 1))
async def main():
    t = asyncio.create_task(link(200000))
    await asyncio.sleep(1)
    t.cancel()
    print("not reached")
asyncio.run(main())
