"""vm micro-bench: list and dict operations"""
import asyncio

async def main():
    d = {}
    keys = ["k%d" % i for i in range(64)]
    acc = []
    for i in range(600000):
        k = keys[i & 63]
        d[k] = d.get(k, 0) + 1
        acc.append(i)
        if len(acc) > 100:
            acc.pop()
            acc[0] = acc[-1]
    print(sum(d.values()), len(acc), acc[0])

asyncio.run(main())
