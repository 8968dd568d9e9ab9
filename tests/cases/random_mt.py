"""random: CPython's Mersenne Twister numbers for seed(n)."""
import asyncio
import random


async def worker(name, rng):
    delay = round(rng.uniform(0.1, 1.0), 3)
    await asyncio.sleep(delay)
    print(name, delay)


async def main():
    random.seed(42)
    print(random.random(), random.randint(1, 100), random.uniform(1, 5))
    print(random.choice("abcdef"), random.randrange(0, 100, 7), random.getrandbits(40))
    deck = list(range(20))
    random.shuffle(deck)
    print(deck)
    print(random.sample(range(1000), 8), random.sample(["a", "b", "c", "d"], 2))
    print(random.choices("xyz", k=5), random.choices([1, 2, 3], weights=[5, 1, 1], k=6))
    random.seed(123456789012)
    print([random.randint(0, 9) for _ in range(10)])
    rng = random.Random(7)
    await asyncio.gather(*(worker(f"w{i}", rng) for i in range(4)))
    random.seed(0)
    a = random.random()
    random.seed()
    print(a == random.random(), random.sample(range(100), 30)[:5])


asyncio.run(main())
