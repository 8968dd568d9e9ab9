# Condition.wait_for(predicate) re-checks the predicate on every notify and returns only once it is true.
import asyncio

async def watcher(cond, box):
    async with cond:
        r = await cond.wait_for(lambda: box["n"] >= 3)
        print(f"{asyncio.get_running_loop().time():.2f} watcher sees n={box['n']}, predicate returned {r}")

async def main():
    cond = asyncio.Condition()
    box = {"n": 0}
    t = asyncio.create_task(watcher(cond, box))
    for i in range(4):
        await asyncio.sleep(1)
        async with cond:
            box["n"] += 1
            print(f"{asyncio.get_running_loop().time():.2f} n={box['n']}")
            cond.notify()
    await t

asyncio.run(main())
