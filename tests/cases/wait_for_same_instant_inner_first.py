# REQUIRED edge: a task whose timer was scheduled before wait_for's timeout timer, both due at the same instant: the task finishes first and wait_for returns its result.
import asyncio

async def work():
    await asyncio.sleep(1)
    print("work: sleep finished")
    return "result"

async def main():
    t = asyncio.create_task(work())
    await asyncio.sleep(0)
    try:
        v = await asyncio.wait_for(t, timeout=1)
        print(f"{asyncio.get_running_loop().time():.3f} got {v}")
    except TimeoutError:
        print("TimeoutError")

asyncio.run(main())
