# TaskGroup failure caught as a whole with except ExceptionGroup: the message and the reprs of eg.exceptions.
import asyncio

class MyError(Exception):
    pass

async def bad(delay, msg):
    await asyncio.sleep(delay)
    raise MyError(msg)

async def slow():
    await asyncio.sleep(10)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1, "oops"))
            tg.create_task(slow())
    except ExceptionGroup as eg:
        print(f"{asyncio.get_running_loop().time():.2f} {type(eg).__name__}: {eg.message}")
        print([repr(e) for e in eg.exceptions])

asyncio.run(main())
