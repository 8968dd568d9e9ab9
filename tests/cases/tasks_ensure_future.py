# ensure_future(coro) wraps a coroutine in a new task (Task-2); given a task or future it returns the same object.
import asyncio

async def work():
    return 5

async def main():
    t = asyncio.ensure_future(work())
    print("is task:", isinstance(t, asyncio.Task), t.get_name())
    print("same task back:", asyncio.ensure_future(t) is t)
    fut = asyncio.get_running_loop().create_future()
    print("same future back:", asyncio.ensure_future(fut) is fut)
    fut.set_result(None)
    print(await t)

asyncio.run(main())
