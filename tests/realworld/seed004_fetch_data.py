# source: seed 004 (Is JavaScript async like Python?), verbatim plus a print of the result
# loopscope: net GET https://api.example.com/data 0.25s {"items": [1, 2, 3]}
# Python (sync by default, opt-in async)
import asyncio
import aiohttp

async def fetch_data():
    async with aiohttp.ClientSession() as session:
        async with session.get('https://api.example.com/data') as response:
            data = await response.json()
            return data

# Must explicitly run the event loop
print(asyncio.run(fetch_data()))
