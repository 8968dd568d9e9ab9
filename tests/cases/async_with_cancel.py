import asyncio


class Conn:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, t, v, tb):
        print("close", self.name, t.__name__ if t else None)
        await asyncio.sleep(0.5)
        print("closed", self.name)


async def use(name, d):
    async with Conn(name) as c, Conn(name + "-2"):
        await asyncio.sleep(d)
        print("used", c.name)


async def main():
    t1 = asyncio.create_task(use("a", 1))
    t2 = asyncio.create_task(use("b", 5))
    await asyncio.sleep(2)
    t2.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print("main done")


asyncio.run(main())
