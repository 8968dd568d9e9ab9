# With return_exceptions=True, gather waits for every child and puts the
# exceptions in the result list, in argument order.
import asyncio

async def divide(a, b, delay):
    await asyncio.sleep(delay)
    return a / b

async def lookup(key):
    await asyncio.sleep(0.5)
    table = {"x": 1}
    return table[key]

async def main():
    results = await asyncio.gather(
        divide(1, 4, 1), divide(1, 0, 0.2), lookup("y"), lookup("x"),
        return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("failed:", isinstance(r, ZeroDivisionError), repr(r))
        else:
            print("value:", r)

asyncio.run(main())
