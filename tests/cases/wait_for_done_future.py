# wait_for of a future that is already done returns its result; a ticker task shows it still takes loop iterations (done callback, then wake-up).
import asyncio

async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("early")
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("main: calling wait_for")
    v = await asyncio.wait_for(fut, timeout=5)
    print("main: got", v)
    await t

asyncio.run(main())
