# source: seed 000, "Running functions concurrently"; fetches became sleeps
import asyncio

async def fetch_user():
    await asyncio.sleep(1.2)
    return "user"

async def fetch_posts():
    await asyncio.sleep(2.4)
    return ["post"]

async def main():
    user, posts = await asyncio.gather(
        fetch_user(),
        fetch_posts(),
    )
    print(user, posts)

asyncio.run(main())
