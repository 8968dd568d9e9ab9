# Calling a coroutine function without await only makes a coroutine object.
# As an expression statement it is dropped at once: the warning comes at the
# end of that statement, and nothing of its body runs.
import asyncio

async def create_user(name):
    print("creating", name)
    await asyncio.sleep(1)

create_user("at module level")
print("module level line after")

async def main():
    create_user("alice")
    print("after the call")
    await asyncio.sleep(0.5)
    print("main done")

asyncio.run(main())
