# REQUIRED: a task left over when main returns is cancelled by asyncio.run; its cleanup awaits (the clock moves on) before "end".
import asyncio

async def background():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} background: flushing")
        await asyncio.sleep(2)
        print(f"{loop.time():.2f} background: flushed")
        raise

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
