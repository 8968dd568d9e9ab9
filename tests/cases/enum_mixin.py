"""class S(str, Enum): members compare and hash as their values."""
import asyncio
from enum import Enum
import enum


class Status(str, Enum):
    OK = "ok"
    FAILED = "failed"


class Code(int, enum.Enum):
    SUCCESS = 0
    RETRY = 2


class Plain(Enum):
    A = 1


async def check(name, delay):
    await asyncio.sleep(delay)
    return Status.OK if delay < 0.2 else Status.FAILED


async def main():
    results = await asyncio.gather(check("a", 0.1), check("b", 0.3))
    print(results, [r == "ok" for r in results], Status("failed"), Status.OK.value)
    counts = {Status.OK: 0, "failed": 0}
    for r in results:
        counts[r] += 1
    print(counts, Code.RETRY == 2, Code.RETRY > Code.SUCCESS, f"{Code.RETRY}", repr(Code.SUCCESS))
    print(Plain.A == 1)
    try:
        Plain.A < Plain.A
    except TypeError as e:
        print(e)


asyncio.run(main())


for s in Status:
    print("member", s.name, s.value)
print(list(Code), len(Status), Status.OK in Status, "ok" in [m.value for m in Status])
try:
    for x in Plain.A:
        pass
except TypeError as e:
    print(e)
