# source: seed 000, "Delaying without blocking the event loop"
import asyncio

async def main():
    print("A")
    await asyncio.sleep(1)
    print("B")
    print("C")

asyncio.run(main())
