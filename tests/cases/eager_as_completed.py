# eager factory + as_completed: its tasks start eagerly, when as_completed makes them
# loopscope-case: python >= 3.12
import asyncio


async def job(n):
    print("job", n, "body")
    await asyncio.sleep(n / 10)
    return n


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    it = asyncio.as_completed([job(3), job(1), job(2)])
    print("as_completed returned")
    for c in it:
        print("got", await c)


asyncio.run(main())
