# fuzz_run: a deadlock leaked the suspended coroutines' frames and the
# Deadlock exception's traceback at teardown (LeakSanitizer).
import asyncio

tasks = []

async def first():
    await tasks[1]

async def second():
    await tasks[0]

async def main():
    tasks.append(asyncio.create_task(first()))
    tasks.append(asyncio.create_task(second()))
    await tasks[0]

asyncio.run(main())
