# A child cancelled on its own does not fail the TaskGroup: the other children go on and the group exits normally.
import asyncio

async def child(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} {name} finished")

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 2))
        b = tg.create_task(child("b", 3))
        await asyncio.sleep(1)
        a.cancel()
    print(f"{asyncio.get_running_loop().time():.2f} group exited; a.cancelled={a.cancelled()}")

asyncio.run(main())
