"""internals cache: a task's wakeup words follow its future's label, whichever str object holds it"""
import asyncio


async def waiter(ev, n):
    # the same text in new objects; a label whose start is the last one's
    # short words but not cut there; labels made where the last one was
    # freed (the same size, other words); the same object again
    await ev._wait_as("Lock (held by a)")
    await ev._wait_as("Lock (held by " + "b)")
    await ev._wait_as("Lockx (held by c)")
    await ev._wait_as("Lock")
    await ev._wait_as("Lock: d")
    await ev._wait_as("Lock, e")
    for i in range(n):
        await asyncio.sleep(0)  # the last label freed before this one is made
        await ev._wait_as(f"Wait{'ab'[i % 2]}{i % 10} (held)")
    same = "Same (label)"
    await ev._wait_as(same)
    await ev._wait_as(same)
    await ev._wait_as("Samex")


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev, 6))
    while not t.done():
        await asyncio.sleep(0)
        ev.set()
        ev.clear()


asyncio.run(main())
