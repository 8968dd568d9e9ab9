# 3.13 makes as_completed's tasks when it is called; 3.11 and 3.12 at the first next()
import asyncio


async def job(n):
    print("job", n, "starts")
    await asyncio.sleep(n)
    return n


async def main():
    it = asyncio.as_completed([job(1), job(2)])
    print("as_completed called")
    await asyncio.sleep(0)
    print("one loop turn later")
    for c in it:
        print("result", await c)


asyncio.run(main())
