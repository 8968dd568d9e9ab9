# reschedule() moves the deadline: a 1s timeout pushed to 3s lets a 2s sleep finish, then a further sleep hits the new deadline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 3)
            print(f"when={cm.when():.2f}")
            await asyncio.sleep(2)
            print(f"{loop.time():.2f} first sleep done")
            await asyncio.sleep(2)
            print("not reached")
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError")

asyncio.run(main())
