# asyncio.wait FIRST_EXCEPTION returns when a task raises; the exception is not raised by wait itself, and pending tasks are not cancelled.
import asyncio

async def ok(delay):
    await asyncio.sleep(delay)
    return delay

async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"bad after {delay}")

async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(ok(0.5), name="ok1")
    t2 = asyncio.create_task(bad(1), name="bad")
    t3 = asyncio.create_task(ok(3), name="ok3")
    done, pending = await asyncio.wait([t1, t2, t3], return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.2f} done={sorted(t.get_name() for t in done)} pending={sorted(t.get_name() for t in pending)}")
    print("bad exception:", repr(t2.exception()))
    print("ok3 cancelled?", t3.cancelled())
    await t3
    print(f"{loop.time():.2f} ok3 result {t3.result()}")

asyncio.run(main())
