"""vm micro-bench: instance and class attribute reads and writes, globals"""
import asyncio

SCALE = 2

class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

async def main():
    p = Point(1, 2)
    s = 0
    for i in range(1200000):
        s += p.x + p.y + Point.dims + SCALE
        p.x = i & 15
    print(s)

asyncio.run(main())
