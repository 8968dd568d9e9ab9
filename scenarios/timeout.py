"""Timeouts: wait_for and asyncio.timeout cancel the slow work
fetch_report needs 3 s but we only give it 1 s. wait_for cancels it at the
deadline, lets its cleanup run and raises TimeoutError (3.11 runs it in a task
of its own; 3.12+ in main's, under a timeout()). asyncio.timeout() does that for a block.
"""
import asyncio


async def fetch_report():
    print("report: connecting")
    try:
        await asyncio.sleep(3)
        return "report"
    except asyncio.CancelledError:
        print("report: cancelled, closing the connection")
        await asyncio.sleep(0.2)
        print("report: connection closed")
        raise


async def quick_lookup():
    await asyncio.sleep(0.5)
    return "42"


async def main():
    try:
        report = await asyncio.wait_for(fetch_report(), timeout=1)
        print("got", report)
    except TimeoutError:
        print("wait_for: gave up after 1 s")

    answer = await asyncio.wait_for(quick_lookup(), timeout=1)
    print("lookup answered in time:", answer)

    try:
        async with asyncio.timeout(0.8):
            print("block: two steps of 0.5 s")
            await asyncio.sleep(0.5)
            print("block: first step done")
            await asyncio.sleep(0.5)
            print("block: second step done")
    except TimeoutError:
        print("timeout(): the block was cut short")


if __name__ == "__main__":
    asyncio.run(main())
