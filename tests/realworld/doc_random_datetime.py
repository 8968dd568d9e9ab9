# source: CPython docs, random and datetime with asyncio (seeded jitter, timestamps)
import asyncio
import random
from datetime import datetime, timedelta

async def tick(name):
    delay = random.uniform(0.1, 0.5)
    await asyncio.sleep(delay)
    print(name, f"{delay:.3f}", datetime.now().strftime("%H:%M:%S.%f"))

async def main():
    random.seed(42)
    start = datetime.now()
    await asyncio.gather(*(tick(n) for n in random.sample(["a", "b", "c", "d"], 3)))
    print(datetime.now() - start < timedelta(seconds=1))
    print(random.choice([1, 2, 3]), random.randint(1, 6))

asyncio.run(main())
