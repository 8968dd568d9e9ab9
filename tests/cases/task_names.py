# create_task(name=...) replaces the default name, but in CPython 3.11 the
# task still uses up a Task-N number first.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    a = asyncio.create_task(job(1))
    b = asyncio.create_task(job(2), name="downloader")
    c = asyncio.create_task(job(0.5))
    print(a.get_name(), b.get_name(), c.get_name())
    print(await a + await b + await c)

asyncio.run(main())
