# Timers with equal deadlines fire in the order they were scheduled.
import asyncio

async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(name, "woke")

async def main():
    tasks = []
    for name in ["first", "second", "third", "fourth"]:
        tasks.append(asyncio.create_task(sleeper(name, 1)))
    tasks.append(asyncio.create_task(sleeper("early", 0.5)))
    for t in tasks:
        await t

asyncio.run(main())
