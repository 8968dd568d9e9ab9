# asyncio.wait FIRST_EXCEPTION when nothing raises waits for all tasks, like ALL_COMPLETED.
import asyncio

async def ok(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(ok(d)) for d in (1, 2, 0.5)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{asyncio.get_running_loop().time():.2f} done={len(done)} pending={len(pending)}")
    print("results:", sorted(t.result() for t in done))

asyncio.run(main())
