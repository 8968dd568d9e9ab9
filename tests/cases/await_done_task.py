# Awaiting a task that is already done does not yield to the loop: the
# ticker does not get a turn between the two awaits.
import asyncio

log = []

async def quick():
    return 42

async def ticker():
    for i in range(4):
        log.append(f"tick{i}")
        await asyncio.sleep(0)

async def main():
    q = asyncio.create_task(quick())
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("q done:", q.done())
    log.append("before await")
    v = await q
    log.append("after await")
    print(v, log)
    await asyncio.sleep(0)
    print(log)

asyncio.run(main())
