# zip, enumerate, comprehensions, generator expressions in calls, and the
# reducing builtins.
import asyncio

async def main():
    names = ["ann", "ben", "cy"]
    ages = [31, 25, 40, 99]
    for name, age in zip(names, ages):
        print(name, age)
    for i, name in enumerate(names):
        print(i, name)
    for i, name in enumerate(names, 1):
        print(i, name)
    print([n.upper() for n in names if len(n) == 3])
    print([(a, b) for a in range(2) for b in range(2)])
    print(sum(a for a in ages), max(len(n) for n in names), min(ages))
    print(any(a > 90 for a in ages), all(a > 30 for a in ages), any([]), all([]))
    print(list(zip(names, ages)), list(enumerate("ab")))
    print(sorted(ages, reverse=True), list(range(10, 0, -3)), len(range(5)))
    print(abs(-3), round(2.567, 1), int(True), str(None), list(reversed_list(ages)))

def reversed_list(xs):
    return xs[::-1]

asyncio.run(main())
