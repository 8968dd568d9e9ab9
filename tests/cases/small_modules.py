"""heapq, bisect, operator, string and copy."""
import asyncio
import heapq
import bisect
import copy
import string
from operator import itemgetter, attrgetter, add


async def main():
    h = []
    for prio, name in [(3, "c"), (1, "a"), (4, "d"), (1, "b"), (5, "e"), (9, "f"), (2, "g")]:
        heapq.heappush(h, (prio, name))
    print(h)
    print([heapq.heappop(h) for _ in range(3)], h)
    xs = [5, 1, 9, 3, 7, 2, 8]
    heapq.heapify(xs)
    print(xs, heapq.nlargest(2, xs), heapq.nsmallest(3, xs), heapq.heappushpop(xs, 0), heapq.heapreplace(xs, 10), xs)
    grades = [60, 70, 80, 90]
    print([bisect.bisect(grades, s) for s in (55, 70, 85, 99)], bisect.bisect_left(grades, 70))
    bisect.insort(grades, 75)
    print(grades)
    rows = [("bob", 3), ("ada", 1), ("cy", 2)]
    print(sorted(rows, key=itemgetter(1)), [itemgetter(0)(r) for r in rows], add(2, 3))
    print(string.ascii_uppercase[:5], string.digits, string.capwords("hello async world"))
    nested = {"a": [1, 2, {"b": 3}]}
    deep = copy.deepcopy(nested)
    shallow = copy.copy(nested)
    deep["a"][2]["b"] = 99
    print(nested, deep, shallow is nested, shallow == nested)
    await asyncio.sleep(0)


asyncio.run(main())
