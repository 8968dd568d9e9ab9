# eager tasks under wait_for and shield: the body runs before either waits
# loopscope-case: python >= 3.12
import asyncio


async def work(tag, d):
    print(tag, "starts")
    await asyncio.sleep(d)
    print(tag, "ends")
    return tag


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print(await asyncio.wait_for(asyncio.ensure_future(work("a", 0.1)), timeout=1))
    t = asyncio.create_task(work("b", 0.5))
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=0.2)
    except TimeoutError:
        print("timed out; b still running:", not t.done())
    print(await t)


asyncio.run(main())
