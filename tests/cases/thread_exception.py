"""An exception in the thread travels to the awaiter."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time


def parse(text):
    time.sleep(0.3)
    return int(text)


async def main():
    print(await asyncio.to_thread(parse, "42"))
    try:
        await asyncio.to_thread(parse, "forty-two")
    except ValueError as e:
        print("ValueError:", e, time.time())
    await asyncio.to_thread(parse, "x")


asyncio.run(main())
