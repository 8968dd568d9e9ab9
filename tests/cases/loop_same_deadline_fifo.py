# Timers with equal deadlines fire in the order they were scheduled, whether from call_later, call_at or sleep.
import asyncio

def cb(name):
    print("timer", name)

async def sleeper():
    await asyncio.sleep(1)
    print("sleeper woke")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, cb, "first")
    loop.call_at(loop.time() + 1, cb, "second")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    loop.call_later(1, cb, "third")
    await t

asyncio.run(main())
