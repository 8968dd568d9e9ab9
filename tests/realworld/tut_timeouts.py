# source: written for the corpus in the style of tutorials: per-request timeouts with wait_for
import asyncio

async def fetch(name, delay):
    try:
        await asyncio.sleep(delay)
        return f"{name} ok"
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    for name, delay in [("fast", 0.2), ("slow", 2.0)]:
        try:
            result = await asyncio.wait_for(fetch(name, delay), timeout=1.0)
            print(result)
        except asyncio.TimeoutError:
            print(f"{name} timed out")

asyncio.run(main())
