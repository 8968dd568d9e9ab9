"""loop.run_in_executor(None, ...) and functools.partial."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import asyncio
import time
from functools import partial


def fetch(url, *, timeout):
    time.sleep(timeout / 2)
    return f"{url} ok"


async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.run_in_executor(None, partial(fetch, "a", timeout=0.4))
    f2 = loop.run_in_executor(None, partial(fetch, "b", timeout=0.2))
    print(await f2, loop.time())
    print(await f1, loop.time())
    print(await asyncio.to_thread(fetch, "c", timeout=0.1))


asyncio.run(main())
