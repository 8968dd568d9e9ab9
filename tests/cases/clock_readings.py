# time.time, time.monotonic and time.perf_counter all read the virtual clock.
import asyncio
import time

async def main():
    t0 = time.perf_counter()
    await asyncio.sleep(1.25)
    print(f"{time.time():.2f} {time.monotonic():.2f} {time.perf_counter():.2f}")
    await asyncio.gather(asyncio.sleep(0.5), asyncio.sleep(0.75))
    elapsed = time.perf_counter() - t0
    print(f"elapsed {elapsed:.2f} s")
    print(f"{elapsed:.3f}", round(elapsed, 1))

start = time.time()
asyncio.run(main())
print(f"total {time.time() - start:.2f}")
