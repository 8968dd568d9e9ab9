import asyncio
from concurrent.futures import ThreadPoolExecutor
def work():
    return 1
def cb(f):
    raise RuntimeError("\x1b[2J cleared \u202e")
async def main():
    with ThreadPoolExecutor() as ex:
        f = ex.submit(work)
        f.add_done_callback(cb)
asyncio.run(main())
