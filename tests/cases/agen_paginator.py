"""An async generator pages through a slow API; two consumers run at once."""
import asyncio

PAGES = {"users": [["ann", "bob"], ["cy", "dee"], ["eve"]], "posts": [["p1"], ["p2", "p3"]]}


async def fetch_page(kind, n):
    await asyncio.sleep(0.2 if kind == "users" else 0.3)
    pages = PAGES[kind]
    return pages[n], n + 1 < len(pages)


async def paginate(kind):
    n = 0
    more = True
    while more:
        page, more = await fetch_page(kind, n)
        print(f"{kind}: page {n}")
        for item in page:
            yield item
        n += 1


async def collect(kind):
    items = []
    async for item in paginate(kind):
        items.append(item)
    return items


async def main():
    users, posts = await asyncio.gather(collect("users"), collect("posts"))
    print(users, posts)
    first = [u async for u in paginate("users") if u != "bob"]
    print(first)


asyncio.run(main())
