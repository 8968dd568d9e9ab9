# loop.create_future() resolved by a call_later callback with set_result: the awaiting task resumes at that time with the value.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1.5, fut.set_result, "hello")
    print("done before:", fut.done())
    v = await fut
    print(f"{loop.time():.2f} got {v}, done={fut.done()} result={fut.result()}")

asyncio.run(main())
