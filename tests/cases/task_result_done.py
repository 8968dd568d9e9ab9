# task.done() is False while the task runs and True after; result() returns
# the value of a done task without awaiting it.
import asyncio

async def compute(x):
    await asyncio.sleep(1)
    return x * x

async def main():
    t = asyncio.create_task(compute(7))
    print("done right away?", t.done())
    await asyncio.sleep(0)
    print("done after one hop?", t.done())
    await asyncio.sleep(1)
    print("done after 1 s?", t.done(), "cancelled?", t.cancelled())
    print("result:", t.result())
    print("await gives the same:", await t)
    print("name:", t.get_name())

asyncio.run(main())
