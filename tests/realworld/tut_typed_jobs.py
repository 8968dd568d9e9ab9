# source: written for the corpus in the style of tutorials: typing.NamedTuple, TypedDict, Literal, Final
import asyncio
from typing import NamedTuple, TypedDict, Literal, Final

class Job(NamedTuple):
    id: int
    name: str
    retries: int = 0

class Config(TypedDict):
    host: str
    port: int

MAX: Final = 3
Mode = Literal["fast", "slow"]

async def run(job: Job, mode: Mode = "fast") -> str:
    await asyncio.sleep(0.1 if mode == "fast" else 0.5)
    return f"{job.name}#{job.id} ({mode})"

async def main():
    cfg: Config = {"host": "localhost", "port": 8080}
    jobs = [Job(1, "a"), Job(2, "b", retries=MAX)]
    print(await asyncio.gather(*(run(j) for j in jobs), run(Job(3, "c"), "slow")))
    print(cfg, jobs[1], jobs[1]._asdict())

asyncio.run(main())
