"""bench: a loop that sleeps one second, forever (it ends at the step limit)"""
import asyncio

async def main():
    while True:
        await asyncio.sleep(1)

asyncio.run(main())
