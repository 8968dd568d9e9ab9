# source: written for the corpus in the style of tutorials: a cache with a Lock against the thundering herd
import asyncio

class Cache:
    def __init__(self):
        self._data = {}
        self._lock = asyncio.Lock()
        self.loads = 0

    async def get(self, key):
        async with self._lock:
            if key not in self._data:
                self.loads += 1
                await asyncio.sleep(0.5)
                self._data[key] = key.upper()
            return self._data[key]

async def main():
    cache = Cache()
    values = await asyncio.gather(*(cache.get("k") for _ in range(4)))
    print(values, "loads:", cache.loads)

asyncio.run(main())
