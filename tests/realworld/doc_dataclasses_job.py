# source: CPython docs, dataclasses (field, order, frozen) in an asyncio program
import asyncio
from dataclasses import dataclass, field

@dataclass(order=True)
class PrioritizedItem:
    priority: int
    item: str = field(compare=False)

@dataclass(frozen=True)
class Point:
    x: int
    y: int

async def main():
    q = asyncio.PriorityQueue()
    for p, name in [(3, "low"), (1, "urgent"), (2, "normal")]:
        await q.put(PrioritizedItem(p, name))
    while not q.empty():
        print(await q.get())
    p = Point(1, 2)
    print(p, hash(p) == hash(Point(1, 2)))
    try:
        p.x = 5
    except Exception as e:
        print(type(e).__name__, e)

asyncio.run(main())
