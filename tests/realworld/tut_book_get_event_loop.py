# source: written for the corpus in the style of older books: get_event_loop().run_until_complete
import asyncio

async def countdown(name, n):
    while n > 0:
        print(f"{name}: T-minus {n}")
        await asyncio.sleep(1)
        n -= 1

loop = asyncio.get_event_loop()
tasks = [
    asyncio.ensure_future(countdown("A", 2)),
    asyncio.ensure_future(countdown("B", 3)),
]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()
