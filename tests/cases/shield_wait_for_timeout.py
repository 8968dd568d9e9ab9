# wait_for(shield(task)) times out without cancelling the task; the task can still be awaited afterwards for its result.
import asyncio

async def slow():
    await asyncio.sleep(3)
    print(f"{asyncio.get_running_loop().time():.2f} slow finished")
    return "late result"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=1)
    except TimeoutError:
        print(f"{loop.time():.2f} timed out, task cancelled? {t.cancelled()}")
    v = await t
    print(f"{loop.time():.2f} got {v}")

asyncio.run(main())
