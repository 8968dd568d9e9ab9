# Boolean operators return operands, membership and identity tests,
# conditional expressions, chained comparisons, slices.
import asyncio

async def main():
    print(0 or "default", "" or None, 3 and 4, [] and "x", not 0, not [1])
    xs = [10, 20, 30, 40, 50]
    print(20 in xs, 25 not in xs, "k" in {"k": 1}, 2 in (1, 2))
    a = None
    print(a is None, a is not None, True is True, xs is xs)
    print("big" if xs[0] > 5 else "small", "even" if len(xs) % 2 == 0 else "odd")
    print(1 < 2 < 3, 1 < 2 > 3, 1 == 1.0, "a" < "b", [1, 2] == [1, 2], (1, 2) < (1, 3))
    print(xs[1:3], xs[:2], xs[3:], xs[-2:], xs[::2], xs[::-1], xs[1:-1])
    print("hello"[1:4], "hello"[::-1], (1, 2, 3)[1:], xs[10:])
    b, c = 1, 2
    b, c = c, b
    d, e, f = [3, 4, 5]
    print(b, c, d, e, f)
    first, second, third = "xyz"
    print(first, third)

asyncio.run(main())
