# a result that arrives in the same loop turn as the deadline
import asyncio


async def just_in_time():
    await asyncio.sleep(1)
    return "made it"


async def main():
    for limit in (0.999, 1, 1.001):
        try:
            print(limit, await asyncio.wait_for(just_in_time(), timeout=limit))
        except TimeoutError:
            print(limit, "timed out")


asyncio.run(main())
