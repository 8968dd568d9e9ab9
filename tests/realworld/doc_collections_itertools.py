# source: CPython docs, collections (deque, Counter, defaultdict, namedtuple) and itertools with asyncio
import asyncio
import itertools
from collections import Counter, defaultdict, deque, namedtuple

Result = namedtuple('Result', ['worker', 'value'])

async def worker(name, jobs, results, ids):
    while jobs:
        job = jobs.popleft()
        await asyncio.sleep(job / 10)
        results[name].append(Result(name, next(ids)))

async def main():
    jobs = deque([3, 1, 2, 2, 1])
    results = defaultdict(list)
    ids = itertools.count(100)
    await asyncio.gather(*(worker(w, jobs, results, ids) for w in "ab"))
    print(dict(results))
    print(Counter(r.worker for rs in results.values() for r in rs).most_common())
    print(list(itertools.chain.from_iterable(results.values()))[:2])

asyncio.run(main())
