# Indexing a deque (d[0], d[-1]) as a sliding window of timestamps does;
# a non-integer index is CPython's TypeError.
import asyncio
from collections import deque


async def main():
    loop = asyncio.get_running_loop()
    window = deque(maxlen=3)
    for i in range(5):
        window.append(round(loop.time(), 2))
        print(window[0], window[-1], len(window), window)
        await asyncio.sleep(0.25)
    window[0] = -1.0
    del window[1]
    print(window, window.index(-1.0) if hasattr(window, "index") else None)
    for bad in ("0", 1.5):
        try:
            window[bad]
        except TypeError as e:
            print("TypeError:", e)
    try:
        deque()[0]
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
