"""Say hello after a second
The smallest scenario: one task, one sleep.
"""
import asyncio


async def main():
    await asyncio.sleep(1)
    print("hello")


asyncio.run(main())
