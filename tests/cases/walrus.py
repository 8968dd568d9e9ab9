"""The walrus operator := in while, if, comprehensions and calls."""
import asyncio

queue = [1, 2, 3]
while (n := len(queue)) > 0:
    print("left:", n, "took", queue.pop())

evens = [y for v in range(5) if (y := v * 2) > 2]
print(evens, "last y:", y)


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return i * i


async def main():
    results = []
    for i in range(4):
        if (r := await fetch(i)) % 2:
            results.append(r)
    print(results, r)
    total = [s for k in range(3) if (s := await fetch(k)) >= 0]
    print(total, "s =", s)
    print(max(m := 3, 2), m)


asyncio.run(main())
