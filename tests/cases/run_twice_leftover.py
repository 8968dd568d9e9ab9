# A task left over from the first asyncio.run is cancelled when that run
# ends; it never leaks into the second run. Numbering goes on across runs.
import asyncio

async def forever(name):
    try:
        while True:
            await asyncio.sleep(1)
            print(name, "still here")
    finally:
        print(name, "stopped")

async def main(name):
    asyncio.create_task(forever(name))
    await asyncio.sleep(2.5)
    print(name, "main returns")

asyncio.run(main("run1"))
asyncio.run(main("run2"))
