"""math: constants and functions (the C library's results, as CPython's)."""
import asyncio
import math


async def heavy(n):
    await asyncio.sleep(0.1)
    return sum(math.sqrt(i) for i in range(n))


async def main():
    print(await asyncio.gather(heavy(10), heavy(100)))
    print(math.pi, math.e, math.tau, math.inf, math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7))
    print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(8), math.log10(1000), math.log(math.e))
    print(math.sin(math.pi / 6), math.cos(0), math.atan2(1, 1), math.hypot(3, 4), math.pow(2, 10))
    print(math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.lcm(4, 6), math.factorial(10),
          math.comb(5, 2), math.prod([1, 2, 3, 4]), math.isqrt(17), math.fsum([0.1] * 10), sum([0.1] * 10))
    print(math.degrees(math.pi), math.radians(180), math.isnan(math.nan), math.isfinite(1.0), math.fabs(-2))
    for bad in (lambda: math.sqrt(-1), lambda: math.log(0)):
        try:
            bad()
        except ValueError as e:
            print("ValueError:", e)


asyncio.run(main())
