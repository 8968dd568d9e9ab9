"""Collect failures with return_exceptions=True
Normally gather raises the first error it sees. With return_exceptions=True
it waits for every task and hands back exceptions as values, in order, so
one bad request does not hide the good ones.
"""
import asyncio

USERS = ["torvalds", "nobody", "gvanrossum"]


async def fetch_repos(user, delay):
    await asyncio.sleep(delay)
    if user == "nobody":
        raise ValueError(f"user {user!r} not found")
    return len(user) * 10


async def main():
    results = await asyncio.gather(
        fetch_repos("torvalds", 1.0),
        fetch_repos("nobody", 0.3),
        fetch_repos("gvanrossum", 0.6),
        return_exceptions=True,
    )
    for user, result in zip(USERS, results):
        if isinstance(result, Exception):
            print(f"{user:>10}: FAILED ({result})")
        else:
            print(f"{user:>10}: {result} repos")


if __name__ == "__main__":
    asyncio.run(main())
