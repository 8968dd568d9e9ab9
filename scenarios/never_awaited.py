"""Forgetting await
Calling an async function only builds a coroutine object: none of its body
runs. When that object is thrown away, Python warns that the coroutine was
never awaited. With await, the same call does its work.
"""
import asyncio


async def create_user(name):
    print(f"user {name} created")
    await asyncio.sleep(0.5)


async def main():
    print("calling create_user('bob') without await...")
    create_user("bob")
    print("...and no user was created")
    await create_user("alice")
    print("with await, alice exists")


if __name__ == "__main__":
    asyncio.run(main())
