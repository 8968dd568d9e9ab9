import asyncio


class suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if t is not None and issubclass(t, self.types):
            print("suppressed", t.__name__, v)
            return True
        return False


class Transaction:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("begin", self.name)
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, t, v, tb):
        await asyncio.sleep(0.1)
        if t is None:
            print("commit", self.name)
        else:
            print("rollback", self.name, "because", repr(v))
        return t is KeyError


async def step(name, fail):
    async with Transaction(name) as tx:
        await asyncio.sleep(0.2)
        if fail:
            raise fail
        return tx.name


async def main():
    print(await step("t1", None))
    print(await step("t2", KeyError("missing")))
    with suppress(ValueError):
        await step("t3", ValueError("bad"))
    try:
        with suppress(ValueError):
            await step("t4", ZeroDivisionError("div"))
    except ZeroDivisionError as e:
        print("escaped", e)
    for i in range(3):
        with suppress(ValueError):
            if i == 1:
                continue
            if i == 2:
                break
    print("loop done", i)


asyncio.run(main())
