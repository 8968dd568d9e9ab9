# If the shielded task itself is cancelled, the task awaiting the shield gets CancelledError too.
import asyncio

async def inner():
    await asyncio.sleep(5)

async def outer(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} outer: got CancelledError")
        return "outer handled it"

async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(1)
    t.cancel()
    print(await o)

asyncio.run(main())
