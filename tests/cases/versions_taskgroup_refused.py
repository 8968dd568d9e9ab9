"""TaskGroup.create_task after the group finished: 3.13 closes the coroutine (no never-awaited warning)."""
import asyncio


async def job(n):
    await asyncio.sleep(0.1)
    return n


async def main():
    tg = asyncio.TaskGroup()
    async with tg:
        tg.create_task(job(1))
    try:
        tg.create_task(job(2))
    except RuntimeError as e:
        print("refused:", str(e).split(" ", 2)[2])
    print("after")


asyncio.run(main())
