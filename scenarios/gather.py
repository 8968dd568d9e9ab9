"""Two fetches at once with asyncio.gather
gather is Python's Promise.all: it turns both coroutines into tasks that wait
side by side. The total is the slowest fetch (1.5 s), not the sum (2.5 s).
"""
import asyncio
import time


async def fetch_user():
    print("fetch_user: request sent")
    await asyncio.sleep(1.5)
    print("fetch_user: reply received")
    return {"id": 1, "name": "Ada"}


async def fetch_posts():
    print("fetch_posts: request sent")
    await asyncio.sleep(1.0)
    print("fetch_posts: reply received")
    return ["first post", "second post"]


async def main():
    start = time.monotonic()
    user, posts = await asyncio.gather(fetch_user(), fetch_posts())
    print(f"user:  {user}")
    print(f"posts: {posts}")
    print(f"took {time.monotonic() - start:.1f} s (1.0 + 1.5 would be 2.5 s)")


if __name__ == "__main__":
    asyncio.run(main())
