# source: written for the corpus in the style of tutorials: a service class with dataclass orders, gather with return_exceptions
import asyncio
import random
from dataclasses import dataclass, field
from typing import Optional

@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    status: str = "new"
    note: Optional[str] = None

    @property
    def total(self):
        return sum(p for _, p in self.items)

class OrderService:
    def __init__(self):
        self._orders: dict[int, Order] = {}
        self._next = 1

    async def create(self, items):
        await asyncio.sleep(0.05)
        o = Order(self._next, list(items))
        self._orders[o.id] = o
        self._next += 1
        return o

    async def pay(self, oid):
        o = self._orders[oid]
        await asyncio.sleep(random.choice([0.1, 0.2]))
        if o.total > 50:
            o.status = "review"
            raise ValueError(f"order {oid} needs review ({o.total:.2f})")
        o.status = "paid"
        return o

async def main():
    random.seed(2)
    svc = OrderService()
    orders = await asyncio.gather(svc.create([("tea", 3.5), ("cake", 4.25)]), svc.create([("tv", 499.0)]))
    results = await asyncio.gather(*(svc.pay(o.id) for o in orders), return_exceptions=True)
    for r in results:
        print(r if not isinstance(r, Exception) else f"error: {r}")
    print([o.status for o in orders], orders[0] == Order(1, [("tea", 3.5), ("cake", 4.25)], "paid"))

asyncio.run(main())
