"""The eval loop's shortcuts (docs/perf-vm.md, vm2): a module attribute
cached per instruction while the module's names stay the same, a function
or a built-in function called directly, min/max of positional arguments,
and the operation budget counted between backward jumps and calls."""
import asyncio
import math


def area(r):
    return math.pi * r * r


def extra():
    try:
        return math.extra
    except AttributeError as e:
        return str(e)


def pick(*xs, key=None):
    return (min(*xs, key=key), max(*xs, key=key))


class Box:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        order.append(("lt", self.v, other.v))
        return self.v < other.v

    def __gt__(self, other):
        order.append(("gt", self.v, other.v))
        return self.v > other.v


order = []


async def main():
    out = []
    for i in range(5):
        out.append((round(area(1), 5), extra()))
        if i == 0:
            math.pi = 3          # an existing name: the same entry, a new value
        elif i == 1:
            math.extra = 1       # a new name: the dict's keys change
        elif i == 2:
            math.extra = 2
        elif i == 3:
            del math.extra
    math.pi = 3.141592653589793
    out.append(round(area(2), 3))
    for i in range(3):
        out.append(pick(3, 1, 2, i))
        out.append(pick("b", "a", "c", key=str.upper))
    out.append(max(1, 2.5, True))
    out.append(min([4, 2, 8]))
    try:
        max(1, 2, default=0)
    except TypeError as e:
        out.append(str(e))
    try:
        min()
    except TypeError as e:
        out.append(str(e))
    try:
        max(1, "a")
    except TypeError as e:
        out.append(str(e))
    best = max(Box(1), Box(3), Box(2))
    low = min(Box(5), Box(4), Box(6))
    out.append((best.v, low.v, order))
    f = len
    out.append([f("abc"), f([1, 2]), abs(-3), isinstance(3, int)])
    try:
        len(1, 2)
    except TypeError as e:
        out.append(str(e))
    try:
        len(x=1)
    except TypeError as e:
        out.append(str(e))
    for g in (asyncio.sleep, math.floor, area):
        out.append(callable(g))
    print(out)

asyncio.run(main())
