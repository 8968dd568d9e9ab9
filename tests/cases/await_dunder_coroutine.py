"""A class whose __await__ returns a coroutine's __await__(); gather wraps it."""
import asyncio
class Req:
    def __init__(self, d):
        self.d = d
    async def _go(self):
        await asyncio.sleep(self.d)
        return self.d * 10
    def __await__(self):
        return self._go().__await__()
async def main():
    print(await Req(0.5))
    print(await asyncio.gather(Req(0.1), Req(0.2)))
asyncio.run(main())
