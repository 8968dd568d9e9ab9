# Special methods called by the runtime: __repr__/__str__ in print, f-strings and
# containers, rich comparisons through sorted/min/max, __hash__ (and __eq__
# without __hash__), __len__/__bool__, __contains__, __iter__/__next__, items, __call__.
import asyncio

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) < (other.x, other.y)

class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return BagIter(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __call__(self, n):
        return self.items[:n]

class BagIter:
    def __init__(self, items):
        self.items = items
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return len(self.k)
    def __eq__(self, o):
        return self.k == o.k

class Plain:
    pass

async def main():
    ps = [Point(3, 1), Point(1, 2), Point(1, 1)]
    print(ps, sorted(ps), min(ps), max(ps))
    print(str(ps[0]), f"{ps[0]}", f"{ps[0]!r}", Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 2), Point(1, 1) == 3)
    print(Point(1, 1) in ps, ps.index(Point(1, 1)), Point(1, 2) > Point(1, 1), Point(2, 0) > Point(1, 5))
    b = Bag([1, 2, 3])
    print(len(b), 2 in b, 5 in b, list(b), [x * 2 for x in b], b[0], b(2), bool(b), bool(Bag([])))
    b[0] = 10
    del b[1]
    print(b.items, sum(b), sorted(b, reverse=True))
    d = {Key("a"): 1}
    print(d[Key("a")], Key("a") in d)
    try:
        d2 = {Point(1, 1): 2}
    except TypeError as e:
        print("TypeError:", e)
    p = Plain()
    p.x = 5
    print(p.x, bool(p), type(p) is Plain, type(p).__name__)
    del p.x
    try:
        p.x
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        Plain.nope
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        Plain(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        len(p)
    except TypeError as e:
        print("TypeError:", e)
    try:
        p()
    except TypeError as e:
        print("TypeError:", e)
    try:
        Point(1, 2) < Plain()
    except TypeError as e:
        print("TypeError:", e)
    a, c = BagIter([7, 8])
    print(a, c)

asyncio.run(main())
