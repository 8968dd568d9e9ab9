"""Fire and forget with create_task
Calling create_user() alone would only build a coroutine. create_task queues
it as a task that starts once foo first waits; foo carries on with its work
and picks up the result later with await task, like a JavaScript promise.
"""
import asyncio


async def create_user(name):
    print(f"create_user: saving {name}...")
    await asyncio.sleep(2)
    print(f"create_user: {name} saved")
    return {"name": name, "id": 42}


async def do_other_work():
    print("foo: doing other work meanwhile")
    await asyncio.sleep(1)
    print("foo: other work finished")


async def foo():
    task = asyncio.create_task(create_user("ada"))
    print("foo: task scheduled, it starts when foo first waits")
    await do_other_work()
    print("foo: now waiting for the user")
    user = await task
    print(f"foo: got {user}")


async def main():
    await foo()


if __name__ == "__main__":
    asyncio.run(main())
