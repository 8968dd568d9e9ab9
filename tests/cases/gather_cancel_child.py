# Cancelling one child of a gather makes the gather raise CancelledError in
# the awaiting task, while the other child keeps going.
import asyncio

async def part(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name

async def main():
    a = asyncio.create_task(part("a", 1))
    b = asyncio.create_task(part("b", 2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.5)
    a.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; b done?", b.done())
    print("b result:", await b)

asyncio.run(main())
