# 3.12 syntax (PEP 695): generic functions and classes with type parameters
# loopscope-case: python >= 3.12
import asyncio


async def first[T](items: list[T]) -> T:
    await asyncio.sleep(0)
    return items[0]


class Box[T]:
    def __init__(self, item: T):
        self.item = item

    async def get(self) -> T:
        await asyncio.sleep(0.1)
        return self.item


async def main():
    print(await first([3, 1, 2]))
    print(await Box("boxed").get())


asyncio.run(main())
