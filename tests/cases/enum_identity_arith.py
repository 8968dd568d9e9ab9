# Enum lookups give the member itself (Color(1) is Color.RED), and IntEnum
# members do int arithmetic: a priority used as a divisor for a sleep.
import asyncio
from enum import Enum, IntEnum, auto


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()


class Priority(IntEnum):
    LOW = 1
    HIGH = 4


async def job(name, prio):
    state = State(1)
    print(name, state is State.IDLE, State(state) is state, State["DONE"] is State.DONE)
    await asyncio.sleep(1 / prio)
    return prio * 10 + prio, prio - 1, 2 ** prio, prio // 2, prio % 3


async def main():
    print(await asyncio.gather(job("a", Priority.LOW), job("b", Priority.HIGH)))
    print(Priority(4) is Priority.HIGH, Priority.LOW + Priority.HIGH, sorted([Priority.HIGH, Priority.LOW]))
    try:
        State(9)
    except ValueError as e:
        print("ValueError:", e)
    try:
        State.IDLE * 2
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
