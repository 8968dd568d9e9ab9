# A timer counts as due when its deadline is less than now + 1e-9 (CPython's
# clock resolution on Linux): a deadline 1e-10 later fires with the first
# one, a deadline 5e-9 later needs a jump of its own.
import asyncio
import time

async def at(delay, name):
    await asyncio.sleep(delay)
    print(name, repr(time.monotonic()))

async def main():
    await asyncio.gather(at(1, "exact"), at(1 + 1e-10, "within"),
                         at(1 + 5e-9, "beyond"))

asyncio.run(main())
