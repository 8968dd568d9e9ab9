# REQUIRED: nested TaskGroups that succeed: the inner block exits when its children finish, the outer waits for its own children too.
import asyncio

async def step(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} {name}")

async def main():
    async with asyncio.TaskGroup() as outer:
        outer.create_task(step("outer child", 3))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(step("inner child 1", 1))
            inner.create_task(step("inner child 2", 2))
        print(f"{asyncio.get_running_loop().time():.2f} inner group exited")
    print(f"{asyncio.get_running_loop().time():.2f} outer group exited")

asyncio.run(main())
