# source: written for the corpus in the style of tutorials: async context managers in a TaskGroup, except*
import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print(f"open {self.name}")
        await asyncio.sleep(0.1)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print(f"close {self.name}", exc_type.__name__ if exc_type else None)
        return False

async def job(i):
    async with Resource(f"r{i}") as r:
        if i == 2:
            raise ValueError(f"job {i} failed")
        await asyncio.sleep(0.2)
        return r.name

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(job(i)) for i in range(4)]
    except* ValueError as eg:
        for e in eg.exceptions:
            print("caught", repr(e))
    print([t.cancelled() for t in ts])

asyncio.run(main())
