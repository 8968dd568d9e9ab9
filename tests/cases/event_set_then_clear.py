# Event.set() followed at once by clear(): the waiters already woken still return True from wait().
import asyncio

async def waiter(ev, name):
    r = await ev.wait()
    print(name, "woke with", r, "is_set now", ev.is_set())

async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n)) for n in ("a", "b")]
    await asyncio.sleep(0.5)
    ev.set()
    ev.clear()
    await asyncio.gather(*ts)

asyncio.run(main())
