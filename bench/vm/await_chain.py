"""vm micro-bench: a coroutine awaiting a coroutine awaiting a coroutine (3 deep), none of them suspending"""
import asyncio

async def leaf(i):
    return i + 1

async def middle(i):
    return await leaf(i) * 2

async def top(i):
    return await middle(i) - 1

async def main():
    s = 0
    for i in range(400000):
        s += await top(i)
    print(s)

asyncio.run(main())
