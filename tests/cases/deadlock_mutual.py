# Two tasks that wait for each other never finish; once nothing is ready and
# no timer is pending, the program is stuck: the trace ends with deadlock.
import asyncio

tasks = []

async def first():
    await asyncio.sleep(0.5)
    print("first waits for second")
    await tasks[1]

async def second():
    print("second waits for first")
    await tasks[0]

async def main():
    tasks.append(asyncio.create_task(first()))
    tasks.append(asyncio.create_task(second()))
    await tasks[0]
    print("never printed")

asyncio.run(main())
