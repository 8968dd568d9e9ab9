# The calls loopscope runs without a coroutine when they are awaited at once
# (`await asyncio.sleep(d)`, `await q.get()`, `await q.put(x)`) next to the
# same functions reached any other way: sleep as some class's method (the
# object becomes the delay), sleep replaced on the module, sleep and get
# with keywords or not awaited at once (wait_for, a task), get and put
# through super() in a subclass, and each of them cancelled while it waits.
import asyncio
from asyncio import Queue


class Napper:
    nap = asyncio.sleep


class Q(Queue):
    async def get(self):
        item = await super().get()
        print("Q.get", item)
        return item

    async def put(self, item):
        print("Q.put", item)
        return await super().put(item)


async def waiter(name, aw):
    try:
        print(name, "got", await aw)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0.5, "positional"), await asyncio.sleep(0.5, result="keyword"))
    try:
        await Napper().nap(0.1)
    except TypeError as e:
        print("TypeError", e)
    original = asyncio.sleep

    async def noisy(delay, result=None):
        print("noisy sleep", delay)
        return await original(delay, result)

    asyncio.sleep = noisy
    print(await asyncio.sleep(0.25, "patched"))
    asyncio.sleep = original
    q = Queue(maxsize=1)
    print(await asyncio.wait_for(asyncio.sleep(0.1, "wait_for"), 1))
    t = asyncio.create_task(q.get())
    await q.put("handed")
    print(await t, loop.time())
    sub = Q(maxsize=1)
    await sub.put(1)
    print(await sub.get())
    tasks = [
        asyncio.create_task(waiter("sleep", asyncio.sleep(5))),
        asyncio.create_task(waiter("sleep0", asyncio.sleep(0))),
        asyncio.create_task(waiter("get", q.get())),
    ]
    await q.put("first")
    tasks.append(asyncio.create_task(waiter("put", q.put("second"))))
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results], q.qsize(), loop.time())
    try:
        await asyncio.wait_for(q.put("late"), 0.5)
    except TimeoutError:
        print("put timed out at", loop.time())


asyncio.run(main())
