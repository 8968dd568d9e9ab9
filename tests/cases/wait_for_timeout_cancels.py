# wait_for on timeout cancels the inner task (CancelledError at its await) and raises TimeoutError in the caller.
import asyncio

async def slow():
    try:
        await asyncio.sleep(5)
        print("slow finished")
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} slow cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except asyncio.TimeoutError as e:
        print(f"{loop.time():.2f} TimeoutError", type(e).__name__, e.args)

asyncio.run(main())
