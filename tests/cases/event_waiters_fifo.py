# Event.set() wakes every waiter, in the order they started waiting; set() itself does not yield.
import asyncio

async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(f"{asyncio.get_running_loop().time():.2f} {name} woke")

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(1)
    print("is_set before:", ev.is_set())
    ev.set()
    print("is_set after:", ev.is_set(), "- main continues before the waiters")
    await asyncio.gather(*tasks)

asyncio.run(main())
