# source: written for the corpus in the style of tutorials: a str Enum, Counter and defaultdict reported as JSON
import asyncio, json
from collections import Counter, defaultdict
from enum import Enum

class Color(str, Enum):
    RED = "red"
    BLUE = "blue"

async def main():
    c = Counter("hello")
    print(json.dumps(c), json.dumps(dict(c)))
    d = defaultdict(int); d["a"] += 1
    print(json.dumps(d), isinstance(d, dict))
    print(Color.RED.value.upper(), f"{Color.RED}", Color.RED == "red", json.dumps({"c": Color.RED}))
    print(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
asyncio.run(main())
