# Sets of tasks split into done and pending (the shape asyncio.wait returns),
# and sets of results printed in CPython's order.
import asyncio


async def job(n, delay):
    await asyncio.sleep(delay)
    return n * 10


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [(1, 0.1), (2, 0.5), (3, 0.2), (4, 1.0)]]
    await asyncio.sleep(0.3)
    done = {t for t in tasks if t.done()}
    pending = set(tasks) - done
    print(len(done), len(pending), isinstance(done, set), isinstance(frozenset(), frozenset))
    results = {t.result() for t in done}
    print("results", results, sorted(results))
    print("disjoint", done.isdisjoint(pending), done | pending == set(tasks))
    ids = {10, 2, 33, 100, 7}
    ids |= results
    ids.discard(2)
    print("ids", ids, 33 in ids, {3, 1, 2} <= {1, 2, 3, 4})
    print(frozenset({5, 1}), {*results, 99}, {x % 4 for x in range(20)})
    s = set()
    print(s, bool(s), {True, 1, 1.0}, {-1, -2, 8, 16, 0})
    for t in tasks:
        if t in pending:
            t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    try:
        s.pop()
    except KeyError as e:
        print("KeyError", e)
    try:
        {1: 2} in {1}
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
