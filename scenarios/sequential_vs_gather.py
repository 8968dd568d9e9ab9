"""Sequential awaits versus gather
Awaiting three jobs one after the other adds their delays: 2 + 1 + 0.5 = 3.5 s.
Handing the same three jobs to gather overlaps them: 2 s, the longest one.
"""
import asyncio
import time


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} finished ({seconds} s)")
    return name


async def sequential():
    for name, seconds in [("a", 2), ("b", 1), ("c", 0.5)]:
        await job(name, seconds)


async def concurrent():
    await asyncio.gather(job("a", 2), job("b", 1), job("c", 0.5))


async def main():
    for label, run in [("sequential", sequential), ("gather", concurrent)]:
        print(f"{label}:")
        start = time.monotonic()
        await run()
        print(f"{label} took {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
