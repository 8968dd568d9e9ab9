# asyncio.wait FIRST_COMPLETED returns as soon as one task is done; the others stay pending and keep running.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} {name} finished")
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [("a", 3), ("b", 1), ("c", 2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{asyncio.get_running_loop().time():.2f} done={sorted(t.get_name() for t in done)} pending={sorted(t.get_name() for t in pending)}")
    await asyncio.wait(pending)
    print(f"{asyncio.get_running_loop().time():.2f} all finished")

asyncio.run(main())
