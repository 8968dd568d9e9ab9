# source: seed 001 (Python for JavaScript developers), aiohttp fetch_user; the relative URL got a base_url
# loopscope: net GET https://api.example.com/users/* 0.2s {"id": 1, "login": "ada"}
import asyncio
import aiohttp # async HTTP (pip install aiohttp)

async def fetch_user(session, id):
    async with session.get(f"/users/{id}") as res:
        return await res.json()

async def main():
    async with aiohttp.ClientSession("https://api.example.com") as session:
        user = await fetch_user(session, 1)
        # asyncio.gather = Promise.all
        u1, u2 = await asyncio.gather(
            fetch_user(session, 1),
            fetch_user(session, 2),
        )
        print(user, u1, u2)

# Must explicitly run the event loop
asyncio.run(main())
