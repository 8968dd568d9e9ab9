# while/for with break, continue and else-less loops inside a coroutine,
# with awaits in the loop bodies.
import asyncio

async def main():
    n = 0
    while True:
        n += 1
        if n % 2 == 0:
            continue
        if n > 7:
            break
        await asyncio.sleep(0.25)
        print("odd", n)
    total = 0
    for i in range(10):
        if i == 3:
            continue
        if i == 6:
            break
        total += i
    print("total", total)
    found = None
    for word in ["alpha", "beta", "gamma"]:
        if "m" in word:
            found = word
            break
    print("found", found)
    i = 3
    while i:
        i -= 1
        pass
    print("i", i)

asyncio.run(main())
