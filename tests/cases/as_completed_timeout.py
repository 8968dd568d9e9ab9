# as_completed(timeout=) raises TimeoutError from the next await once the timeout passes; the unfinished task is not cancelled.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.2f} {name} finished")
    return name

async def main():
    loop = asyncio.get_running_loop()
    slow = asyncio.create_task(job("slow", 5))
    try:
        for f in asyncio.as_completed([job("fast", 1), slow], timeout=2):
            v = await f
            print(f"{loop.time():.2f} got {v}")
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError; slow cancelled? {slow.cancelled()}")
    v = await slow
    print(f"{loop.time():.2f} got {v}")

asyncio.run(main())
