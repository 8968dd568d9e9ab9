# asyncio.sleep(delay, result) returns result after the delay; a task of a
# bare sleep is traced with the coroutine name "sleep".
import asyncio

async def main():
    v = await asyncio.sleep(1, result="one")
    print(v)
    t = asyncio.create_task(asyncio.sleep(0.5, result=[1, 2]))
    print(await t)
    print(await asyncio.sleep(0, "zero"))
    print(await asyncio.sleep(-1, result=None))

asyncio.run(main())
