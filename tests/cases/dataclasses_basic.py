"""dataclasses: dataclass, field, order, frozen, asdict, astuple, replace."""
import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields
import dataclasses
from typing import List


@dataclass
class Request:
    url: str
    delay: float = 0.1
    headers: dict = field(default_factory=dict)
    retries: int = field(default=2, repr=False)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


@dataclass
class Response:
    request: Request
    status: int
    body: List[str] = field(default_factory=list)

    def __post_init__(self):
        self.ok = 200 <= self.status < 300


async def fetch(req: Request) -> Response:
    await asyncio.sleep(req.delay)
    return Response(req, 200 if "ok" in req.url else 404, ["line"])


async def main():
    reqs = [Request("https://ok.example/a"), Request("https://bad.example/b", 0.2, {"X": "1"})]
    print(reqs[0], reqs[1].headers, reqs[0] == Request("https://ok.example/a"))
    responses = await asyncio.gather(*(fetch(r) for r in reqs))
    for r in responses:
        print(r.status, r.ok, r.request.url)
    print(asdict(reqs[1]), astuple(Version(1, 2)))
    print(replace(reqs[0], delay=0.5), [f.name for f in fields(Request)])
    print(sorted([Version(2), Version(1, 5), Version(1)]), Version(1, 2) < Version(1, 3))
    print(len({Version(1, 2), Version(1, 2)}), dataclasses.is_dataclass(reqs[0]))
    try:
        Request()
    except TypeError as e:
        print(e)
    try:
        Version(1, 2, 3)
    except TypeError as e:
        print(e)


asyncio.run(main())
