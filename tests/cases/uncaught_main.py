# An exception that escapes main ends asyncio.run ("end") and then the
# program ("error"), with exit status 1. Leftover tasks are still cancelled.
import asyncio

async def bystander():
    try:
        await asyncio.sleep(10)
    finally:
        print("bystander cleans up")

async def main():
    asyncio.create_task(bystander())
    await asyncio.sleep(1)
    print("about to fail")
    raise ValueError("bad input")

asyncio.run(main())
print("not reached")
