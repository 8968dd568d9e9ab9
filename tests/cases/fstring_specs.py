# f-string format specs: precision, width and alignment, zero padding, !r.
import asyncio

async def main():
    x = 3.14159
    n = 42
    s = "ab"
    print(f"{x:.2f}|{x:.0f}|{x:8.3f}|{-x:.1f}")
    print(f"[{n:>6}][{n:<6}][{n:^6}][{n:06}][{n:5d}]")
    print(f"[{s:>5}][{s:<5}][{s:^6}][{s!r}][{s!r:>6}]")
    print(f"{n!r} {x!r} {[1, 'a']!r} {None} {True}")
    print(f"{n * 2} {n / 8:.3f} {'nested'} {{braces}}")
    items = [("apple", 1.5), ("kiwi", 12.25)]
    for name, price in items:
        print(f"{name:<8}{price:>8.2f}")
    print(f"{1e6:.1f} {0.000123:.5f} {-0.0001:.2f} {2.5:.0f} {3.5:.0f}")
    print("{} + {} = {}".format(1, 2, 3), "{:.1f}".format(2.25))

asyncio.run(main())
