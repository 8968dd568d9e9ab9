# wait_for with timeout=0 on a coroutine: the task is created and cancelled before its first step (start then cancelled, body never runs), then TimeoutError.
import asyncio

async def work():
    print("work body runs")
    await asyncio.sleep(1)
    return 1

async def main():
    try:
        await asyncio.wait_for(work(), timeout=0)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.2f} timed out at once")

asyncio.run(main())
