# asyncio.wait with the default ALL_COMPLETED returns when every task is done, including one that raised.
import asyncio

async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError("job failed")
    return delay

async def main():
    tasks = [asyncio.create_task(job(2)), asyncio.create_task(job(1, fail=True)), asyncio.create_task(job(1.5))]
    done, pending = await asyncio.wait(tasks)
    print(f"{asyncio.get_running_loop().time():.2f} done={len(done)} pending={len(pending)}")
    for t in tasks:
        print(t.get_name(), "exception:", repr(t.exception()))

asyncio.run(main())
