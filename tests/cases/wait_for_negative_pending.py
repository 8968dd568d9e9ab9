# wait_for with a negative timeout on a running task cancels it right away (it sees CancelledError) and raises TimeoutError.
import asyncio

async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("job cancelled")
        raise

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(1)
    try:
        await asyncio.wait_for(t, timeout=-0.5)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.2f} TimeoutError, cancelled={t.cancelled()}")

asyncio.run(main())
