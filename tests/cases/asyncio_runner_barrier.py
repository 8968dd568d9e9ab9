"""asyncio.Runner, asyncio.Barrier, asyncio.iscoroutinefunction and inspect."""
import asyncio
import functools
import inspect


async def job(name, delay):
    await asyncio.sleep(delay)
    print("job", name, "done")
    return name


async def agen():
    yield 1


def plain():
    return 1


class Service:
    async def handle(self):
        return 1


async def party(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "waiting", barrier.n_waiting)
    pos = await barrier.wait()
    print(name, "passed", pos)


async def barrier_demo():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting)
    await asyncio.gather(*(party(barrier, f"p{i}", 0.1 * i) for i in range(3)))
    print(barrier.n_waiting, barrier.broken)
    await asyncio.gather(*(party(barrier, f"q{i}", 0.2) for i in range(3)))
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("broken:", repr(e), barrier.broken)


for f in (job, agen, plain, Service().handle, functools.partial(job, "x")):
    print(asyncio.iscoroutinefunction(f), inspect.iscoroutinefunction(f),
          inspect.isasyncgenfunction(f), inspect.isgeneratorfunction(f))
c = job("c", 0)
print(inspect.iscoroutine(c), inspect.isawaitable(c), asyncio.iscoroutine(c))

with asyncio.Runner() as runner:
    print(runner.run(job("a", 0.5)))
    print(runner.run(job("b", 0.25)))
    loop = runner.get_loop()
    print(loop.is_closed())
print(loop.is_closed())
print(asyncio.run(c))
asyncio.run(barrier_demo())
