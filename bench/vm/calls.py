"""vm micro-bench: method calls, plain function calls and builtins with fixed arity"""
import asyncio

def add(a, b):
    return a + b

class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

async def main():
    c = Counter()
    t = 0
    for i in range(600000):
        t = add(t, c.bump(1))
        t = max(t, len("abc")) + abs(-1)
    print(t, c.n)

asyncio.run(main())
