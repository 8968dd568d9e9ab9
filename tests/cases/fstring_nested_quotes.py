# 3.12 f-strings (PEP 701): the same quotes inside a replacement field
# loopscope-case: python >= 3.12
import asyncio

users = {"ada": 36, "alan": 41}


async def greet(name):
    await asyncio.sleep(0.1)
    print(f"{name}: {users[f"{name}"]} years, {f"{f"{name!r}"}"}")
    print(f"keys: {", ".join(users)}")


async def main():
    await asyncio.gather(greet("ada"), greet("alan"))


asyncio.run(main())
