# source: written for the corpus in the style of tutorials: graceful shutdown with an Event
import asyncio

async def service(name, stop):
    n = 0
    try:
        while not stop.is_set():
            n += 1
            print(f"{name} tick {n}")
            try:
                await asyncio.wait_for(stop.wait(), timeout=0.4)
            except asyncio.TimeoutError:
                pass
    finally:
        print(f"{name} cleaning up after {n} ticks")

async def main():
    stop = asyncio.Event()
    tasks = [asyncio.create_task(service(n, stop)) for n in ("db", "web")]
    await asyncio.sleep(1)
    print("shutdown requested")
    stop.set()
    await asyncio.gather(*tasks)
    print("bye")

asyncio.run(main())
