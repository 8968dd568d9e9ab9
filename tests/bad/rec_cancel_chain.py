# cancel() along a 50k-task await chain recursed in C (and the shutdown
# that followed was quadratic).
import asyncio
async def leaf():
    await asyncio.sleep(10)
async def link(n):
    if n == 0:
        await leaf()
    else:
        await asyncio.create_task(link(n - 1))
async def main():
    t = asyncio.create_task(link(50000))
    await asyncio.sleep(1)
    t.cancel()
    print("not reached")
asyncio.run(main())
