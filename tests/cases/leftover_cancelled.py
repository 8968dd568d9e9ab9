# Tasks still running when main returns are cancelled by asyncio.run, in
# creation order; their except/finally blocks run before "end".
import asyncio

async def background(name, delay):
    try:
        print(name, "sleeping")
        await asyncio.sleep(delay)
        print(name, "woke up")
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise
    finally:
        print(name, "finally")

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("stubborn swallows the cancel")
    return "ignored"

async def main():
    asyncio.create_task(background("slow", 10))
    asyncio.create_task(stubborn())
    asyncio.create_task(background("fast", 0.5))
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
