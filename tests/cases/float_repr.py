# repr and str of floats: shortest round-trip digits, exponents, rounding.
import asyncio

async def main():
    print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 2, 7 / 7)
    print(1e20, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00001234)
    print(-0.0, 0.0 * -1, 3.0 * 1.1, 1.1 + 2.2, 100.0, 2.5e-3)
    print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.23456, 3))
    print(round(7), round(7.0), round(1234.5678, -2), round(0.5), round(1.5))
    print(float(3), float("2.50"), int(3.99), int(-3.99), float(10 ** 16))
    print(repr(1.0), str(1.5), repr(1e300 * 10), 2 ** 0.5, 9 ** 0.5)
    print(f"{1 / 3:.2f} {2 / 3:.1f} {1e20:.2f} {0.125:.2f} {0.375:.2f}")
    print(abs(-1.5), min(1.5, 2), max(3, 2.5), sum([0.1] * 10))

asyncio.run(main())
