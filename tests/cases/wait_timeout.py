# asyncio.wait(timeout=) returns (done, pending) at the timeout without raising and without cancelling the pending tasks.
import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} job {delay} finished")
    return delay

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.5, 2, 3)]
    done, pending = await asyncio.wait(tasks, timeout=1)
    print(f"{asyncio.get_running_loop().time():.2f} done={len(done)} pending={len(pending)}")
    print("any cancelled?", any(t.cancelled() for t in tasks))
    done, pending = await asyncio.wait(tasks, timeout=10)
    print(f"{asyncio.get_running_loop().time():.2f} done={len(done)} pending={len(pending)}")

asyncio.run(main())
