# add_done_callback callbacks run via call_soon in registration order, after set_result returns; one added to a done future is scheduled too.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("cb1 sees", f.result()))
    fut.add_done_callback(lambda f: print("cb2 sees", f.result()))
    fut.set_result(7)
    print("set_result returned")
    fut.add_done_callback(lambda f: print("cb3 added late"))
    await asyncio.sleep(0)
    print("after one iteration")

asyncio.run(main())
