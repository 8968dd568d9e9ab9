# gather over eager tasks: the bodies start inside create_task, in order
# loopscope-case: python >= 3.12
import asyncio


async def job(name, delay):
    print(f"{name} starts")
    if delay:
        await asyncio.sleep(delay)
    print(f"{name} ends")
    return name


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("a", 0.2), ("b", 0), ("c", 0.1))]
    print("all created:", [t.done() for t in tasks])
    print(await asyncio.gather(*tasks))
    # gather wraps bare coroutines in tasks through the factory too
    print(await asyncio.gather(job("d", 0), job("e", 0.1)))


asyncio.run(main())
