# source: written for the corpus in the style of tutorials: a crawler with aiohttp, a Semaphore and a visited set
# loopscope: net GET https://site.test/ 0.2s {"links": ["https://site.test/a", "https://site.test/b"]}
# loopscope: net GET https://site.test/a 0.3s {"links": ["https://site.test/b", "https://site.test/c"]}
# loopscope: net GET https://site.test/b 0.1s {"links": []}
# loopscope: net GET https://site.test/c 0.4s 404 {"links": []}
import asyncio
import aiohttp

MAX_CONCURRENCY = 2

async def fetch(session, sem, url):
    async with sem:
        async with session.get(url) as resp:
            if resp.status != 200:
                print(f"{url}: HTTP {resp.status}")
                return []
            data = await resp.json()
            print(f"{url}: {len(data['links'])} links")
            return data["links"]

async def crawl(start):
    seen = {start}
    sem = asyncio.Semaphore(MAX_CONCURRENCY)
    async with aiohttp.ClientSession() as session:
        frontier = [start]
        while frontier:
            results = await asyncio.gather(*(fetch(session, sem, u) for u in frontier))
            frontier = []
            for links in results:
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        frontier.append(link)
    return sorted(seen)

print(asyncio.run(crawl("https://site.test/")))
