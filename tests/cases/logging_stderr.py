"""logging goes to standard error: on screen, not in the stdout trace; sys.stdout.write."""
import asyncio
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")


async def worker(n):
    log.info("worker %d starting", n)
    await asyncio.sleep(n * 0.5)
    if n == 2:
        log.warning("worker %s is slow", n)
    log.debug("not shown")
    sys.stdout.write(f"worker {n} done\n")
    return n


async def main():
    print(await asyncio.gather(worker(1), worker(2)))
    sys.stdout.write("partial ")
    sys.stdout.write("line\n")
    print(sys.version_info >= (3, 11), sys.version_info[:2], log.isEnabledFor(logging.DEBUG),
          logging.getLevelName(logging.WARNING), log.getEffectiveLevel())
    logging.getLogger("worker.child").error("child error")


asyncio.run(main())
