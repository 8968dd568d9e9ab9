# source: written for the corpus in the style of tutorials: logging, named tasks, done callbacks, wait with a timeout
import asyncio
import logging
import time

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(message)s", datefmt="%H:%M:%S")
log = logging.getLogger("app")

async def worker(n):
    start = time.perf_counter()
    await asyncio.sleep(n * 0.1)
    log.info("worker %s took %.2fs", n, time.perf_counter() - start)
    return n

async def main():
    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(3)]
    for t in tasks:
        t.add_done_callback(lambda t: print(t.get_name(), "->", t.result()))
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(len(done), len(pending))
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*pending)

asyncio.run(main())
