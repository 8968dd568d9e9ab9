import asyncio


async def main():
    print("no docstring here")


asyncio.run(main())
