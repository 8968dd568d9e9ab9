# statistics on measured latencies: mean, fmean, median, mode, variance and
# stdev give CPython's exact floats (ints stay ints where CPython's do), and
# math.fsum rounds as CPython's does.
import asyncio
import math
import random
import statistics


async def ping(host):
    latency = random.uniform(0.01, 0.3)
    await asyncio.sleep(latency)
    return latency


async def main():
    random.seed(11)
    lat = await asyncio.gather(*(ping(h) for h in range(12)))
    print(f"mean={statistics.mean(lat):.4f} median={statistics.median(lat):.4f} stdev={statistics.stdev(lat):.4f}")
    print(repr(statistics.mean(lat)), repr(statistics.fmean(lat)), repr(statistics.pstdev(lat)))
    for trial in range(25):
        n = random.randint(2, 9)
        data = [random.uniform(-5, 100) for _ in range(n)]
        if trial % 5 == 0:
            data = [random.randint(0, 20) for _ in range(n)]
        if trial % 7 == 0:
            data = [0.1, 0.2, 0.3] * (trial // 7 + 1)
        print(statistics.mean(data), statistics.fmean(data), statistics.median(data), statistics.variance(data),
              statistics.stdev(data), statistics.pvariance(data), statistics.pstdev(data), math.fsum(data))
    print(statistics.mode([1, 2, 2, 3, 3]), statistics.multimode("aabbc"), statistics.mean([1, 3]),
          statistics.variance([1, 2, 3]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
    print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
    for bad in ([], [1]):
        for f in (statistics.mean, statistics.variance, statistics.pvariance, statistics.median, statistics.fmean):
            try:
                f(bad)
            except statistics.StatisticsError as e:
                print(f.__name__, "StatisticsError:", e, isinstance(e, ValueError))


asyncio.run(main())
