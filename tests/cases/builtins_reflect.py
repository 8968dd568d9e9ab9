# The builtins real examples use that were refused at load time before:
# getattr/hasattr/setattr, iter/next, map/filter, reversed, hash, id,
# callable, divmod, pow, chr/ord, hex/oct/bin, format.
import asyncio


class Job:
    priority = 2

    def __init__(self, name):
        self.name = name

    async def run(self):
        await asyncio.sleep(0.1)
        return self.name.upper()


async def main():
    job = Job("build")
    method = getattr(job, "run")
    print(await method(), getattr(job, "missing", "default"), hasattr(job, "name"), hasattr(job, "nope"))
    setattr(job, "priority", 5)
    print(job.priority, Job.priority)
    try:
        getattr(job, "nope")
    except AttributeError as e:
        print("AttributeError:", e)
    it = iter([1, 2, 3])
    print(next(it), next(it), next(it), next(it, "end"))
    try:
        next(it)
    except StopIteration:
        print("StopIteration")
    print(list(map(str.upper, ["a", "b"])), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
    print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda n: n % 2, range(6))))
    print(list(reversed([1, 2, 3])), list(reversed(range(3))))
    print(hash(1), hash((1, 2)) == hash((1, 2)), hash(job) == hash(job), id(job) == id(job), id(job) != id(method))
    print(callable(job.run), callable(job), divmod(17, 5), pow(2, 10), pow(2, 10, 1000))
    print(chr(65), ord("a"), hex(255), oct(8), bin(5), format(3.14159, ".2f"), format(42, "05d"))
    results = await asyncio.gather(*map(lambda j: j.run(), [Job("a"), Job("b")]))
    print(results)


asyncio.run(main())
