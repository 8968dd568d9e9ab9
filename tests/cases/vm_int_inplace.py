"""The eval loop writes `n += k` and `x = a op b` into the int or float a
local holds when the local and the stack are its only holders
(docs/perf-vm.md, vm5). Every other holder of that value must still see
the old one: another local, a list, a dict, a tuple, a closure's cell, a
default argument, an attribute, a coroutine's argument, a loop variable,
the sum of a value with itself; and id() of the new value is another
object's, as in CPython. A float and an int meet in the loop too when a
double holds the int exactly."""
import asyncio

BIG = 10 ** 6


class Box:
    pass


def keep(v, held=[]):
    held.append(v)
    return held


async def hold(v):
    await asyncio.sleep(0)
    return v


def shared():
    out = []
    n = BIG
    m = n                  # another local
    n += 1
    out.append((n, m))
    n = BIG
    xs = [n]               # a list
    n += 2
    out.append((n, xs))
    n = BIG
    d = {"k": n}           # a dict's value
    n *= 3
    out.append((n, d))
    n = BIG
    t = (n, n)             # a tuple, twice
    n -= 4
    out.append((n, t))
    n = BIG
    b = Box()
    b.v = n                # an attribute
    n += 5
    out.append((n, b.v))
    n = BIG
    keep(n)                # a list reached from a default argument
    n += 6
    out.append((n, keep(0)[0]))
    n = BIG
    n += n                 # itself on both sides
    out.append(n)
    n = BIG
    n = n * 2              # BINARY then STORE_FAST
    out.append(n)
    n = BIG
    n = 2 * n              # the local on the right
    out.append(n)
    ys = [BIG + 1]
    x = ys[0] + 1          # the list's and the stack's: not the local's
    out.append((x, ys))
    n = 300
    n -= 100               # a small int comes out: the cached one
    small = 200
    out.append((n, n is small))
    n = BIG
    n += 0                 # the same value, in place
    out.append(n)
    return out


def cell():
    n = BIG
    f = lambda: n          # a closure's cell: STORE_DEREF, never in place
    seen = f()
    n += 1
    return (n, seen, f())


def floats():
    out = []
    x = 1.5
    y = x                  # another local
    x += 2.25
    out.append((x, y))
    x = 1.5
    x *= x
    out.append(x)
    x = 1.5
    zs = [x]
    x = x / 4.0
    out.append((x, zs))
    x = 2.5
    x -= 0.5
    out.append(x)
    for n in (3, -7, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 3, 10 ** 18):
        out.append((0.001 * n, n * 0.5, n - 0.25, 1.5 + n, n / 4.0, 10.0 / n))
    out.append((True * 0.5, 0.5 - False, 7 // 2.0, 7 % 2.5, 2 ** 0.5))
    for bad in (lambda: 3 / 0.0, lambda: 0.0 / 0, lambda: 1.5 / (2 - 2)):
        try:
            bad()
        except (ZeroDivisionError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def identity():
    n = BIG
    before = id(n)
    n += 1
    after = id(n)
    n += 1
    return (before == after, after == id(n), n)


def loop_var():
    out = []
    for i in range(BIG, BIG + 3):
        j = i
        i += 10            # the loop variable, also held by j
        out.append((i, j))
    total = 0
    for k in range(400):
        total += k         # grows past the small ints: in place from then on
    out.append(total)
    return out


async def argument():
    n = BIG
    c = hold(n)            # the coroutine's frame holds it
    n += 7
    return (n, await c)


async def main():
    print(shared())
    print(cell())
    print(floats())
    print(identity())
    print(loop_var())
    print(await argument())
    acc = 0
    for k in range(3):
        await asyncio.sleep(0)
        acc += k * BIG
    print(acc)


asyncio.run(main())
