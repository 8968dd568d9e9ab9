# The deadlock is only declared when no timer is left: the ticker keeps the
# loop alive until it stops, and only then are the waiting tasks stuck.
import asyncio

tasks = []

async def ticker():
    for i in range(3):
        await asyncio.sleep(1)
        print("tick", i)
    print("ticker done")

async def ping():
    await tasks[1]

async def pong():
    await asyncio.sleep(0.5)
    await tasks[0]

async def main():
    asyncio.create_task(ticker())
    tasks.append(asyncio.create_task(ping()))
    tasks.append(asyncio.create_task(pong()))
    await tasks[0]

asyncio.run(main())
