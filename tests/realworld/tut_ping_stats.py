# source: written for the corpus in the style of tutorials: latency statistics over concurrent pings
import asyncio
import random
import statistics

async def ping(i):
    latency = random.uniform(0.01, 0.2)
    await asyncio.sleep(latency)
    return latency

async def main():
    random.seed(7)
    lat = await asyncio.gather(*(ping(i) for i in range(10)))
    print(f"mean={statistics.mean(lat):.3f} median={statistics.median(lat):.3f} max={max(lat):.3f}")

asyncio.run(main())
