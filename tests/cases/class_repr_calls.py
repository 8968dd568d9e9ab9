# __repr__ runs only where CPython runs it: printing values, not when a task
# finishes with a result or an exception (loopscope's recording labels those
# without calling scenario code).
import asyncio

calls = []

class Result:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        calls.append(self.v)
        print("repr of", self.v)
        return f"Result({self.v})"

class Failure(Exception):
    def __repr__(self):
        calls.append("failure")
        return "Failure!"

async def work(v):
    await asyncio.sleep(0.1)
    if v < 0:
        raise Failure(v)
    return Result(v)

async def main():
    results = await asyncio.gather(work(1), work(2), work(-1), return_exceptions=True)
    print(calls)
    print(results)
    print(calls)

asyncio.run(main())
