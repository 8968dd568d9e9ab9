# When main returns, the loop stops only after the current iteration: tasks
# already queued still get their first step. Tasks they create in that step
# are cancelled before they ever run, then the sleeping ones are cancelled.
import asyncio

async def grandchild():
    print("grandchild never prints")

async def child(name):
    print(name, "got one step")
    asyncio.create_task(grandchild())
    try:
        await asyncio.sleep(1)
    finally:
        print(name, "cancelled at its first await")

async def main():
    asyncio.create_task(child("c1"))
    asyncio.create_task(child("c2"))
    print("main returns without awaiting")

asyncio.run(main())
