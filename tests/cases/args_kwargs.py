# Default and keyword arguments and *args, for plain functions and for
# coroutines started as tasks.
import asyncio

def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

def total(*nums):
    return sum(nums)

def describe(sep, first, *rest):
    return sep.join([str(first)] + [str(r) for r in rest])

async def delayed(value, delay=0.5, label="task"):
    await asyncio.sleep(delay)
    return f"{label}:{value}"

async def main():
    print(greet("Ann"), greet("Bo", "Hi"), greet("Cy", punct="?"))
    print(greet(greeting="Hey", name="Di"))
    nums = [1, 2, 3]
    print(total(), total(5), total(*nums), total(*nums, 10))
    print(describe("/", 1), describe("/", 1, 2, 3), describe("-", *["a", "b"]))
    r = await asyncio.gather(delayed(1), delayed(2, 0.25), delayed(3, label="x"))
    print(r)

asyncio.run(main())
