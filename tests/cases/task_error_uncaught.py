# An exception in a task that main awaits without try goes through main:
# both tasks end with "raised", then asyncio.run ends and the program fails.
import asyncio

async def parse(text):
    await asyncio.sleep(0.5)
    return int(text)

async def main():
    good = asyncio.create_task(parse("12"))
    bad = asyncio.create_task(parse("twelve"))
    print(await good)
    print(await bad)

asyncio.run(main())
