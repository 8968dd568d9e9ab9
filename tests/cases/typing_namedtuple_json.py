# typing.NamedTuple and TypedDict in class syntax (and functional form),
# isinstance() of the library's stand-ins for CPython's subclasses of
# built-in types (Counter is a dict, a namedtuple a tuple, an IntEnum an
# int), and json.dumps of them.
import asyncio
import json
from collections import Counter, OrderedDict, defaultdict, namedtuple
from enum import Enum, IntEnum
from typing import NamedTuple, TypedDict


class Job(NamedTuple):
    id: int
    name: str
    retries: int = 0

    def label(self):
        return f"{self.name}#{self.id}"


class Config(TypedDict):
    host: str
    port: int


Pair = NamedTuple("Pair", [("a", int), ("b", int)])
Point = namedtuple("Point", "x y")


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Color(str, Enum):
    RED = "red"


async def run(job):
    await asyncio.sleep(0.1 * (job.retries + 1))
    return job._replace(retries=job.retries + 1)


async def main():
    jobs = [Job(1, "a"), Job(2, "b", retries=2)]
    done = await asyncio.gather(*(run(j) for j in jobs))
    print(done, [j.label() for j in done], done[0]._asdict(), Job._fields, Job._make([3, "c", 0]))
    try:
        Job._make([3])
    except TypeError as e:
        print("TypeError:", e)
    cfg = Config(host="localhost", port=8080)
    print(cfg, type(cfg).__name__, Pair(1, 2))
    counts = Counter("hello")
    groups = defaultdict(list)
    groups["a"].append(1)
    print(isinstance(counts, dict), isinstance(OrderedDict(), dict), isinstance(Point(1, 2), tuple),
          isinstance(Level.LOW, int), isinstance(Color.RED, str), isinstance(Color.RED, Enum),
          issubclass(Counter, dict), isinstance(counts, list), type(counts) is dict)
    print(json.dumps({"counts": counts, "groups": groups, "point": Point(1, 2), "level": Level.HIGH,
                      "color": Color.RED, "job": done[0]}))


asyncio.run(main())
