# all_tasks() holds the tasks of the loop that are not done yet (main included); printed as a count and sorted names.
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)

async def main():
    asyncio.create_task(sleeper(1), name="one")
    asyncio.create_task(sleeper(2), name="two")
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1)
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
