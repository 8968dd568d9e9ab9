# sys.exit() inside the main coroutine: SystemExit leaves asyncio.run at
# once (the other task is cancelled on the way out) and the program exits
# with status 0, no error line.
import asyncio
import sys


async def worker():
    try:
        await asyncio.sleep(5)
    finally:
        print("worker cleanup")


async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    print("exiting")
    sys.exit(0)


asyncio.run(main())
