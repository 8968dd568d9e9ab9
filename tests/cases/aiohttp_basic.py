"""Simulated aiohttp: sessions, responses, JSON, errors and timeouts."""
# loopscope: net GET https://api.example.com/users/1 0.3s {"id": 1, "login": "ada"}
# loopscope: net GET https://api.example.com/users/2 0.2s {"id": 2, "login": "bob"}
# loopscope: net GET https://api.example.com/users/* 0.1s 404 {"error": "no such user"}
# loopscope: net POST https://api.example.com/items 250ms 201 {"id": 7}
# loopscope: net https://slow.example.com/* 7s {"late": true}
# loopscope: net https://down.example.com/* 0.05s error
import asyncio
import aiohttp


async def fetch_user(session, uid):
    async with session.get(f"https://api.example.com/users/{uid}") as resp:
        print("status", uid, resp.status, resp.ok)
        resp.raise_for_status()
        return await resp.json()


async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch_user(session, u) for u in (1, 2, 3)),
                                       return_exceptions=True)
        for r in results:
            print(type(r).__name__, r)
        resp = await session.post("https://api.example.com/items", json={"name": "x"})
        print(resp.status, await resp.json(), await resp.text())
        page = await session.get("https://api.example.com/list", params={"page": 2})
        print(await page.json())
        try:
            async with session.get("https://slow.example.com/data",
                                   timeout=aiohttp.ClientTimeout(total=5)) as r:
                print("never", r.status)
        except asyncio.TimeoutError:
            print("timed out")
        try:
            await session.get("https://down.example.com/")
        except aiohttp.ClientConnectionError as e:
            print("connection error:", e)
        try:
            await session.get("/relative")
        except aiohttp.ClientError as e:
            print("client error:", type(e).__name__, e)
    print("closed:", session.closed)


asyncio.run(main())
