"""typing: accepted and mostly ignored."""
from typing import Any, Optional, List, Dict, TypeVar, Generic, Callable, Awaitable, Union, cast
import typing
import asyncio

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


async def fetch(n: int, names: Optional[List[str]] = None) -> Dict[str, Any]:
    await asyncio.sleep(0.1)
    return {"n": n, "names": names or []}


Handler = Callable[[int], Awaitable[Dict[str, Any]]]


async def main() -> None:
    handler: Handler = fetch
    r = await handler(3)
    print(r, Box(5).get(), cast(int, "x"))
    print(T, Optional[int], List[str], Dict[str, int], Any, Union[int, str])
    print(typing.TYPE_CHECKING, typing.List)


asyncio.run(main())
