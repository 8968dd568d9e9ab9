"""Loading a dashboard concurrently
The profile takes 1.5 s and the settings 1.0 s. Loaded together with gather,
the dashboard is ready at 1.50 s: the time of the slower call, not 2.50 s.
"""
import asyncio
import time


async def load_profile(user_id):
    print(f"loading profile of user {user_id}...")
    await asyncio.sleep(1.5)
    return {"id": user_id, "username": "night_owl", "role": "editor"}


async def load_settings():
    print("loading settings...")
    await asyncio.sleep(1.0)
    return {"theme": "dark", "beta": False}


async def main():
    started = time.perf_counter()
    profile, settings = await asyncio.gather(load_profile(7), load_settings())
    print("profile: ", profile)
    print("settings:", settings)
    print(f"dashboard ready in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
