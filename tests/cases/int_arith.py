# Integer arithmetic with Python semantics: floor division and modulo with
# negative numbers, powers, and large values that still fit in 64 bits.
import asyncio

async def main():
    print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
    print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
    print(2 ** 10, 2 ** 62, -2 ** 2, (-2) ** 3, 2 ** -1, 10 ** 0)
    big = 3037000499
    print(big * big, 9223372036854775807, -9223372036854775807 - 1)
    print(1000000 * 1000000, 123456789 * 987654321)
    print(7 / 2, 8 / 2, -7 / 2, 1 + 2 * 3 - 4, (1 + 2) * 3)
    n = 10
    n += 5
    n -= 3
    n *= 2
    n //= 5
    n %= 3
    n **= 3
    print(n)
    x = 17
    x /= 4
    print(x, abs(-5), sum(range(101)), min(4, -2, 9), max([3, 8, 1]))
    print(int("42") + 1, int("-17"), str(12) + "3", divmod_like(-17, 5))

def divmod_like(a, b):
    return (a // b, a % b)

asyncio.run(main())
