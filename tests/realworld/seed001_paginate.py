# source: seed 001, "Async generator" (paginate); the top-level async for moved into main()
# loopscope: net GET https://api.example.com/users?page=1 0.2s [{"id": 1}, {"id": 2}]
# loopscope: net GET https://api.example.com/users?page=2 0.2s [{"id": 3}]
# loopscope: net GET https://api.example.com/users?page=3 0.1s []
import asyncio
import aiohttp

# Async generator (yields from an async context)
async def paginate(url):
    page = 1
    async with aiohttp.ClientSession() as session:
        while True:
            async with session.get(url, params={"page": page}) as r:
                data = await r.json()
                if not data:
                    return
                for item in data:
                    yield item # yield inside async def = async generator
            page += 1

async def main():
    async for user in paginate("https://api.example.com/users"):
        print(user)

asyncio.run(main())
