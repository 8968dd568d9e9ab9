# REQUIRED edge: the inner coroutine's sleep ends at the very instant of the timeout; the timeout timer was scheduled first, so the inner task is cancelled after its sleep completed and wait_for raises TimeoutError.
import asyncio

async def work():
    try:
        await asyncio.sleep(1)
        print("work: sleep finished")
        return "result"
    except asyncio.CancelledError:
        print("work: cancelled after all")
        raise

async def main():
    try:
        v = await asyncio.wait_for(work(), timeout=1)
        print("got", v)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.3f} TimeoutError")

asyncio.run(main())
