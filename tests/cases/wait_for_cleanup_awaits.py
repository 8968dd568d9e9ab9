# On timeout wait_for waits for the cancelled task's cleanup, which itself awaits: TimeoutError is raised only after the cleanup ends (1.5, not 1.0).
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} worker: cleaning up")
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.2f} worker: cleanup done")
        raise
    finally:
        print(f"{asyncio.get_running_loop().time():.2f} worker: finally")

async def main():
    try:
        await asyncio.wait_for(worker(), 1)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.2f} main: TimeoutError")

asyncio.run(main())
