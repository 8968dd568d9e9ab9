# the plain for loop over as_completed works in every version
import asyncio


async def work(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise ValueError(n)
    return n


async def main():
    for c in asyncio.as_completed([work(3), work(1), work(2)]):
        try:
            print("got", await c)
        except ValueError as e:
            print("error", e)


asyncio.run(main())
