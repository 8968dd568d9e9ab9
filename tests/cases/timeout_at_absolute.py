# asyncio.timeout_at(when) takes an absolute loop time: the deadline is when itself, not now + when.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    deadline = loop.time() + 1.5
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print(f"{loop.time():.2f} when={cm.when():.2f}")
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError")

asyncio.run(main())
