# source: seed 001, "Fetch GitHub user data" (verbatim, net directives added)
"""
Fetch GitHub user data for multiple users concurrently.
Run with: python3 script.py
"""
# loopscope: net GET https://api.github.com/users/torvalds 0.35s {"login": "torvalds", "name": "Linus Torvalds", "public_repos": 7}
# loopscope: net GET https://api.github.com/users/gvanrossum 0.2s {"login": "gvanrossum", "name": "Guido van Rossum", "public_repos": 28}
# loopscope: net GET https://api.github.com/users/antirez 0.5s 404 {"message": "Not Found"}
import asyncio
import aiohttp

USERS = ["torvalds", "gvanrossum", "antirez"]


async def fetch_user(session, username):
    url = f"https://api.github.com/users/{username}"
    async with session.get(url) as response:
        response.raise_for_status()
        data = await response.json()
        return {"name": data["name"], "repos": data["public_repos"]}


async def main():
    async with aiohttp.ClientSession() as session:
        tasks = [fetch_user(session, u) for u in USERS]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for user, result in zip(USERS, results):
            if isinstance(result, Exception):
                print(f" {user}: FAILED — {result}")
            else:
                print(f" {result['name']}: {result['repos']} repos")


if __name__ == "__main__":
    asyncio.run(main())
