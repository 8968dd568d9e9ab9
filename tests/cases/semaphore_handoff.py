# REQUIRED hand-off: a task that releases a Semaphore and immediately acquires again does not get ahead of a waiter (3.11.7 semantics).
import asyncio

async def greedy(sem):
    for i in range(3):
        await sem.acquire()
        print(f"{asyncio.get_running_loop().time():.2f} greedy got it ({i})")
        await asyncio.sleep(1)
        sem.release()

async def polite(sem, name):
    await sem.acquire()
    print(f"{asyncio.get_running_loop().time():.2f} {name} got it")
    await asyncio.sleep(1)
    sem.release()

async def main():
    sem = asyncio.Semaphore(1)
    g = asyncio.create_task(greedy(sem))
    await asyncio.sleep(0)
    p1 = asyncio.create_task(polite(sem, "p1"))
    p2 = asyncio.create_task(polite(sem, "p2"))
    await asyncio.gather(g, p1, p2)

asyncio.run(main())
