# Subclassing the collections types (an LRU cache on OrderedDict, a Counter
# with a helper, a namedtuple with methods, a deque) and subscripting
# classes at run time: list[int], dict[str, list[int]], deque[int],
# asyncio.Queue[int](), types.GenericAlias.
import asyncio
import types
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple


class LRU(OrderedDict):
    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.capacity:
            self.popitem(last=False)


class Tally(Counter):
    def top(self):
        return self.most_common(1)


class Point(namedtuple("Point", "x y")):
    def norm(self):
        return abs(self.x) + abs(self.y)


class Recent(deque):
    pass


class Groups(defaultdict):
    pass


Users = dict[str, list[int]]


async def fetch(cache, key):
    if key in cache:
        return cache[key]
    await asyncio.sleep(0.1)
    cache.put(key, key.upper())
    return cache[key]


async def main():
    cache = LRU(2)
    print(await asyncio.gather(fetch(cache, "a"), fetch(cache, "b"), fetch(cache, "c")))
    print(cache, list(cache))
    t = Tally("abracadabra")
    print(t.top(), t)
    p = Point(3, -4)
    print(p, p.norm(), p.x, p._replace(x=1))
    r = Recent([1, 2], maxlen=2)
    r.append(3)
    print(r, Groups(list))
    print(Users, list[int], tuple[int, ...], deque[str], dict[str, Point])
    alias = list[int]
    print(alias.__origin__, alias.__args__, alias([1, 2]), isinstance(alias, types.GenericAlias))
    q = asyncio.Queue[int]()
    await q.put(1)
    print(type(q).__name__, q.qsize())
    try:
        int[str]
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
