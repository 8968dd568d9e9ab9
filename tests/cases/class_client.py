# A small client object with async methods run as tasks; class attributes
# shared by all instances; a never-awaited method coroutine.
import asyncio

class Client:
    timeout = 0.5
    created = 0

    def __init__(self, name, latency=0.1, *tags, **opts):
        Client.created += 1
        self.name = name
        self.latency = latency
        self.tags = tags
        self.opts = opts
        self.log = []

    async def get(self, key):
        self.log.append(key)
        await asyncio.sleep(self.latency)
        return f"{self.name}/{key}"

    async def get_many(self, *keys):
        tasks = [asyncio.create_task(self.get(k), name=f"{self.name}-{k}") for k in keys]
        return await asyncio.gather(*tasks)

    def describe(self):
        return f"{self.name} latency={self.latency} tags={self.tags} opts={self.opts}"

async def main():
    fast = Client("fast", 0.1, "a", "b", retries=2)
    slow = Client("slow", latency=0.3)
    print(fast.describe())
    print(slow.describe(), Client.created, fast.created)
    results = await asyncio.gather(fast.get("x"), slow.get("y"), fast.get_many("p", "q"))
    print(results)
    print(fast.log, slow.log)
    slow.timeout = 2
    print(Client.timeout, slow.timeout, fast.timeout)
    m = fast.get
    print(await m("again"), m.__name__, m.__qualname__, type(fast.get("z")).__name__)
    coro = slow.get("never")
    print(coro.__name__, coro.__qualname__)
    await asyncio.sleep(1)

asyncio.run(main())
