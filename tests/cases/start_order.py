# create_task only schedules: a new task starts at the next loop iteration,
# after the creating task yields, in creation order; tasks created by tasks
# queue up behind the ones already scheduled.
import asyncio

async def child(name):
    print(name, "runs")

async def parent(name):
    print(name, "runs and spawns", name + ".kid")
    asyncio.create_task(child(name + ".kid"))
    await asyncio.sleep(0)
    print(name, "resumes")

async def main():
    asyncio.create_task(parent("p1"))
    asyncio.create_task(child("c2"))
    asyncio.create_task(parent("p3"))
    print("main created three tasks and has not yielded yet")
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.sleep(0)
    print("main after two yields")
    await asyncio.sleep(0.1)

asyncio.run(main())
