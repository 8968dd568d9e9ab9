"""Slow and fast: a sleeping task does not block the others
slow starts first and parks on asyncio.sleep(2). The loop does not wait for
it: fast runs straight away and finishes first.
"""
import asyncio


async def slow():
    print("slow: started, sleeping 2 s")
    await asyncio.sleep(2)
    print("slow done")


async def fast():
    print("fast done")


async def main():
    await asyncio.gather(slow(), fast())
    print("both finished")


if __name__ == "__main__":
    asyncio.run(main())
