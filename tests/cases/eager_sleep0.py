# eager vs lazy: the order of prints with sleep(0) in the bodies
# loopscope-case: python >= 3.12
import asyncio


async def body(tag):
    print(tag, 1)
    await asyncio.sleep(0)
    print(tag, 2)


async def run(eager):
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory if eager else None)
    ts = [asyncio.create_task(body(f"{'E' if eager else 'L'}{i}")) for i in range(2)]
    print("created")
    await asyncio.gather(*ts)


async def main():
    await run(False)
    await run(True)


asyncio.run(main())
