# set_name() renames a task (the trace uses the name it has when it writes each line); named tasks still use up Task-N numbers.
import asyncio

async def work():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(work())
    print("default name:", t.get_name())
    t.set_name("renamed")
    u = asyncio.create_task(work(), name="given")
    v = asyncio.create_task(work())
    print(t.get_name(), u.get_name(), v.get_name())
    await asyncio.gather(t, u, v)

asyncio.run(main())
