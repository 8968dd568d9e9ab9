# 3.11: if the inner coroutine swallows the cancellation and returns a value, wait_for returns that value instead of raising TimeoutError.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
        return "normal"
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} stubborn: ignoring cancel")
        return "partial"

async def main():
    try:
        v = await asyncio.wait_for(stubborn(), timeout=1)
        print(f"{asyncio.get_running_loop().time():.2f} wait_for returned {v}")
    except TimeoutError:
        print("TimeoutError")

asyncio.run(main())
