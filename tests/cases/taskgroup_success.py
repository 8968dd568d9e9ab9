# TaskGroup: the async with block exits when all child tasks are done (at the longest one), and their results are available.
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} fetched {name}")
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch("users", 1))
        b = tg.create_task(fetch("posts", 2))
        print("tasks created")
    print(f"{asyncio.get_running_loop().time():.2f} group exited: {a.result()} {b.result()}")

asyncio.run(main())
