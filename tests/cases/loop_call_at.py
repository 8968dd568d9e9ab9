# call_at(when, cb) runs at the absolute loop time when; a time already past runs on the next timer check.
import asyncio

def report(loop, name):
    print(f"{loop.time():.2f} {name}")

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    loop.call_at(3.5, report, loop, "at 3.5")
    loop.call_at(0.25, report, loop, "at 0.25 (already past)")
    loop.call_at(loop.time() + 1, report, loop, "at now+1")
    await asyncio.sleep(4)

asyncio.run(main())
