# source: seed 000 (Async in Python vs JavaScript), "Fire and forget"; create_user filled in
import asyncio

async def create_user():
    await asyncio.sleep(1)
    print("user created")
    return {"id": 1}

def do_other_work():
    print("other work")

async def foo():
    task = asyncio.create_task(create_user())
    # other code
    do_other_work()
    result = await task
    print(result)

asyncio.run(foo())
