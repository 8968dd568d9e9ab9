# Semaphore(2) lets at most two tasks in at a time; the others enter in FIFO order as slots free up.
import asyncio

async def job(sem, name, running):
    async with sem:
        running.append(name)
        print(f"{asyncio.get_running_loop().time():.2f} {name} in, running={len(running)}")
        await asyncio.sleep(1)
        running.remove(name)

async def main():
    sem = asyncio.Semaphore(2)
    running = []
    await asyncio.gather(*(job(sem, f"j{i}", running) for i in range(5)))
    print(f"{asyncio.get_running_loop().time():.2f} all done")

asyncio.run(main())
