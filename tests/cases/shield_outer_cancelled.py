# REQUIRED edge: cancelling a task that awaits shield(inner) raises CancelledError in that task at once, while the inner task keeps running and finishes later.
import asyncio

async def save():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} save: writing")
    await asyncio.sleep(2)
    print(f"{loop.time():.2f} save: written")
    return "saved"

async def handler():
    loop = asyncio.get_running_loop()
    try:
        return await asyncio.shield(save())
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} handler: cancelled, save goes on")
        raise

async def main():
    loop = asyncio.get_running_loop()
    h = asyncio.create_task(handler())
    await asyncio.sleep(0.5)
    h.cancel()
    try:
        await h
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: handler cancelled={h.cancelled()}")
    await asyncio.sleep(3)
    print(f"{loop.time():.2f} main: done")

asyncio.run(main())
