# sys.exit(main()) after asyncio.run: the program ends as CPython's does,
# with no traceback and no error line, and the exit status is the code
# (here 3); code after it does not run. A never-awaited coroutine kept in
# a global still warns at the end.
import asyncio
import sys


async def job():
    await asyncio.sleep(0.2)


async def main():
    await asyncio.gather(job(), job())
    print("main done")
    return 3


pending = job()
if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
print("not reached")
