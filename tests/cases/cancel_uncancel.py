# cancelling() counts pending cancel requests and uncancel() decrements it; a task that swallows a cancel and uncancels can sleep again normally.
import asyncio

async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught; cancelling =", me.cancelling())
        print("uncancel ->", me.uncancel())
    await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.2f} slept again; cancelling = {me.cancelling()}")
    return "ok"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    print("main: cancelling =", t.cancelling())
    print("main: result", await t)

asyncio.run(main())
