# source: CPython docs, typing (Awaitable, Coroutine, TypeVar, Generic) with asyncio
from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Coroutine, Generic, Optional, TypeVar

T = TypeVar('T')

class Box(Generic[T]):
    def __init__(self, content: T) -> None:
        self.content = content

async def compute(x: int) -> int:
    await asyncio.sleep(0.1)
    return x * x

async def run_all(fns: list[Callable[[int], Coroutine[Any, Any, int]]], arg: int) -> list[int]:
    return await asyncio.gather(*(f(arg) for f in fns))

def later(aw: Awaitable[T]) -> Optional[Box[Awaitable[T]]]:
    return Box(aw)

async def main() -> None:
    print(await run_all([compute, compute], 3))
    b = later(compute(4))
    print(await b.content)

asyncio.run(main())
