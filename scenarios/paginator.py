"""Async generator: a paginator that fetches pages on demand
pages() is an async generator: each page is fetched only when the async for
loop asks for it. Breaking out early leaves it open: await gen.aclose()
closes it, and that runs its finally block.
"""
import asyncio


async def fetch_page(n):
    await asyncio.sleep(0.3)
    return [f"item{n}{i}" for i in range(2)]


async def pages(last):
    print("paginator: open")
    try:
        for n in range(1, last + 1):
            print(f"paginator: fetching page {n}")
            yield await fetch_page(n)
    finally:
        print("paginator: closed")


async def main():
    async for page in pages(3):
        print("got", page)

    firsts = [page[0] async for page in pages(2)]
    print("first items:", firsts)

    gen = pages(5)
    async for page in gen:
        if page[0] == "item20":
            print("found it, stopping early")
            break
    await gen.aclose()


if __name__ == "__main__":
    asyncio.run(main())
