# source: seed 001, "try/except works exactly the same" (risky and the gather with error handling)
# loopscope: net GET https://api.example.com/data 0.3s 503 {"error": "unavailable"}
import asyncio
import aiohttp

# try/except works exactly the same
async def risky():
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get("https://api.example.com/data",
                                   timeout=aiohttp.ClientTimeout(total=5)) as r:
                r.raise_for_status()
                return await r.json()
        except aiohttp.ClientTimeout:
            print("Request timed out")
        except aiohttp.ClientError as e:
            print(f"HTTP error: {e}")

async def fetch(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise ValueError(f"fetch {n} failed")
    return n

# asyncio.gather with error handling
async def main():
    print(await risky())
    results = await asyncio.gather(
        fetch(1),
        fetch(2),
        fetch(3),
        return_exceptions=True # don't let one failure cancel others
    )
    for r in results:
        if isinstance(r, Exception):
            print(f"One failed: {r}")
        else:
            print(r)

asyncio.run(main())
