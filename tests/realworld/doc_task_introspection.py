# source: CPython docs, asyncio-task "Introspection" and Task.get_name/set_name
import asyncio

async def worker():
    t = asyncio.current_task()
    print("inside", t.get_name())
    await asyncio.sleep(0.1)

async def main():
    t = asyncio.create_task(worker(), name="worker-1")
    print(len(asyncio.all_tasks()))
    print(asyncio.current_task().get_name())
    await t
    t.set_name("renamed")
    print(t.get_name(), t.done())

asyncio.run(main())
