# notify() and wait() on a Condition whose lock is not held raise RuntimeError.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait:", e)

asyncio.run(main())
