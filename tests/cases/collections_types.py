"""collections: deque, defaultdict, Counter, OrderedDict, ChainMap, namedtuple."""
import asyncio
from collections import deque, defaultdict, Counter, OrderedDict, ChainMap, namedtuple
import collections

Point = namedtuple("Point", ["x", "y"])
Job = collections.namedtuple("Job", "name delay priority", defaults=[0])


async def worker(name, jobs, done):
    while jobs:
        job = jobs.popleft()
        await asyncio.sleep(job.delay)
        done[name].append(job.name)


async def main():
    jobs = deque([Job("a", 0.2), Job("b", 0.1, 2), Job("c", 0.3)], maxlen=5)
    print(jobs)
    done = defaultdict(list)
    await asyncio.gather(worker("w1", jobs, done), worker("w2", jobs, done))
    print(done, dict(done))
    words = Counter("the quick brown fox jumps over the lazy dog the end".split())
    print(words.most_common(2), words["the"], words["missing"], len(words))
    c = Counter(a=3, b=1)
    c.update(Counter(a=1, c=2))
    print(c, Counter("hello"))
    p = Point(1, y=2)
    print(p, p.x + p.y, p[0], tuple(p), p._asdict(), p._replace(x=10), Point._fields)
    x, y = p
    print(x, y, p == Point(1, 2), Job("z", 1))
    od = OrderedDict()
    od["one"] = 1
    od["two"] = 2
    od.move_to_end("one")
    print(od, list(od.keys()))
    cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
    print(cm["a"], cm["b"], sorted(cm))
    d = deque(range(5))
    d.rotate(2)
    d.appendleft(-1)
    print(d, d.pop(), len(d), 3 in d)


asyncio.run(main())
