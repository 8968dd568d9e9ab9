# asyncio.run's shutdown cancels a 3000-task await chain: linear, not
# quadratic (each task.cancel() used to walk the whole chain below it).
import asyncio
async def link(n):
    if n == 0:
        await asyncio.sleep(10)
    else:
        await asyncio.create_task(link(n - 1))
async def main():
    asyncio.create_task(link(3000))
    await asyncio.sleep(1)
    print("main done")
asyncio.run(main())
