# A cancelled task's finally block may itself await; the task ends cancelled after the cleanup, and the awaiting task resumes then.
import asyncio

async def worker():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{loop.time():.2f} finally: releasing")
        await asyncio.sleep(0.25)
        print(f"{loop.time():.2f} finally: released")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: worker cancelled={t.cancelled()}")

asyncio.run(main())
