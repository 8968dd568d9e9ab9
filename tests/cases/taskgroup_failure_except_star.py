# TaskGroup: the first failing child cancels its siblings; the group raises an ExceptionGroup, caught here with except* ValueError.
import asyncio

async def ok(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise

async def bad():
    await asyncio.sleep(1)
    raise ValueError("bad input")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("first", 3))
            tg.create_task(bad())
            tg.create_task(ok("third", 5))
    except* ValueError as eg:
        print(f"{asyncio.get_running_loop().time():.2f} except* ValueError: {eg.exceptions!r}")
    print("after")

asyncio.run(main())
