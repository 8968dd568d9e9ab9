"""itertools, types.SimpleNamespace and collections.abc names."""
import asyncio
import itertools
from itertools import count, islice, chain, groupby, product, permutations, combinations
from types import SimpleNamespace
from collections.abc import Awaitable, AsyncIterator, Callable


async def ticker(n):
    for i in islice(count(1), n):
        await asyncio.sleep(0.1)
        yield i


async def main():
    got = [i async for i in ticker(3)]
    print(got, list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
    for key, grp in groupby(sorted("mississippi")):
        print(key, len(list(grp)), end="; ")
    print()
    print(list(product("ab", [1, 2])), list(permutations([1, 2, 3], 2)))
    print(list(combinations("abcd", 2)), list(itertools.accumulate([1, 2, 3, 4])))
    print(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")), list(itertools.pairwise("abcd")))
    print(list(islice(itertools.cycle("xy"), 5)), list(itertools.repeat(7, 3)),
          list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])),
          list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])),
          list(itertools.starmap(lambda a, b: a ** b, [(2, 3), (3, 2)])))
    cfg = SimpleNamespace(host="example.com", port=80)
    cfg.port += 1
    print(cfg, cfg.host, cfg.port, cfg == SimpleNamespace(host="example.com", port=81))


asyncio.run(main())
