# A frozen dataclass: hashable, usable as a dict key and in sets; assigning
# or deleting a field raises FrozenInstanceError (an AttributeError);
# replace() makes a changed copy. Ordinary dataclasses stay mutable.
import asyncio
from dataclasses import FrozenInstanceError, dataclass, field, replace


@dataclass(frozen=True)
class Request:
    url: str
    retries: int = 0


@dataclass
class Stats:
    done: list = field(default_factory=list)


async def fetch(req, stats):
    await asyncio.sleep(0.1 * (req.retries + 1))
    stats.done.append(req.url)
    return req


async def main():
    stats = Stats()
    r = Request("https://a.test")
    try:
        r.retries = 3
    except FrozenInstanceError as e:
        print("FrozenInstanceError:", e, isinstance(e, AttributeError))
    try:
        del r.url
    except AttributeError as e:
        print(type(e).__name__, e)
    r2 = replace(r, retries=1)
    print(r, r2, r == Request("https://a.test"), hash(r) == hash(Request("https://a.test")))
    seen = {r: "first", r2: "second"}
    results = await asyncio.gather(fetch(r2, stats), fetch(r, stats))
    print(results, [seen[x] for x in results], stats)
    stats.done = []
    print(stats)


asyncio.run(main())
