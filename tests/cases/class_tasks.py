# Custom exceptions raised inside tasks: gather with return_exceptions,
# Task.exception(), retries driven by an exception attribute, and one that
# escapes asyncio.run (the error line names the class).
import asyncio

class ServiceError(Exception):
    def __init__(self, service, retry_after=None):
        super().__init__(service)
        self.service = service
        self.retry_after = retry_after

    def __str__(self):
        hint = f" (retry after {self.retry_after})" if self.retry_after is not None else ""
        return f"{self.service} unavailable{hint}"

class Fatal(ServiceError):
    pass

class Worker:
    def __init__(self, name, failures):
        self.name = name
        self.failures = failures
        self.attempts = 0

    async def call(self):
        self.attempts += 1
        await asyncio.sleep(0.1)
        if self.attempts <= self.failures:
            raise ServiceError(self.name, retry_after=0.2 * self.attempts)
        return f"{self.name} ok after {self.attempts}"

    async def call_with_retry(self):
        while True:
            try:
                return await self.call()
            except ServiceError as e:
                print("retry:", e)
                await asyncio.sleep(e.retry_after)

async def boom(name):
    await asyncio.sleep(0.05)
    raise Fatal(name)

async def main():
    ws = [Worker("db", 2), Worker("cache", 0)]
    print(await asyncio.gather(*(w.call_with_retry() for w in ws)))
    res = await asyncio.gather(boom("a"), Worker("x", 1).call(), Worker("y", 0).call(), return_exceptions=True)
    for r in res:
        print(type(r).__name__, r)
    t = asyncio.create_task(boom("t"))
    await asyncio.sleep(0.1)
    e = t.exception()
    print(repr(e), str(e), isinstance(e, ServiceError), e.retry_after)
    await boom("main")

asyncio.run(main())
