# call_later(delay, cb, *args) runs cb at now + delay; callbacks print the loop time; the handle reports when().
import asyncio

def report(loop, name):
    print(f"{loop.time():.2f} {name}")

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.5)
    h = loop.call_later(2, report, loop, "two seconds later")
    loop.call_later(1, report, loop, "one second later")
    print(f"handle when={h.when():.2f}")
    await asyncio.sleep(3)
    print(f"{loop.time():.2f} main done")

asyncio.run(main())
