# Cleanup that awaits inside an expired timeout block runs to completion first; TimeoutError comes out after it (1.5).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(5)
            finally:
                print(f"{loop.time():.2f} cleanup start")
                await asyncio.sleep(0.5)
                print(f"{loop.time():.2f} cleanup end")
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError")

asyncio.run(main())
