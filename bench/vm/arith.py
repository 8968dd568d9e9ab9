"""vm micro-bench: a tight loop of int and float arithmetic and compares"""
import asyncio

async def main():
    total = 0
    x = 0.5
    for i in range(1500000):
        total += i * 3 - (i >> 2)
        if i % 7 == 0:
            total -= 1
        x = x * 0.999 + 1.0
    print(total, round(x, 3))

asyncio.run(main())
