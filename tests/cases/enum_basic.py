"""enum: Enum, IntEnum, StrEnum and auto as task states."""
import asyncio
from enum import Enum, IntEnum, StrEnum, auto
import enum


class State(Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"

    def describe(self):
        return f"{self.name.lower()} ({self.value})"


class Priority(IntEnum):
    LOW = 1
    HIGH = auto()
    URGENT = auto()


class Color(StrEnum):
    RED = auto()
    BLUE = "blue"


class Shape(enum.Enum):
    CIRCLE = auto()
    SQUARE = auto()
    ROUND = 1


async def job(name, prio, states):
    states[name] = State.RUNNING
    await asyncio.sleep(0.1 * prio.value)
    states[name] = State.DONE
    return name


async def main():
    states = {n: State.PENDING for n in "ab"}
    print(states)
    await asyncio.gather(job("a", Priority.URGENT, states), job("b", Priority.LOW, states))
    print(states["a"], repr(states["b"]), states["a"] is State.DONE, State.DONE.describe())
    print(State("running"), State["PENDING"], State.RUNNING == State.RUNNING, State.DONE != State.PENDING)
    print(Priority.HIGH, repr(Priority.URGENT), Priority.HIGH == 2, Priority.LOW < Priority.URGENT,
          Priority.URGENT.value, f"{Priority.HIGH}")
    print(Color.RED, repr(Color.RED), Color.BLUE == "blue", f"{State.DONE}")
    print(Shape.ROUND is Shape.CIRCLE, repr(Shape.SQUARE), Shape.CIRCLE.name)
    try:
        State("lost")
    except ValueError as e:
        print(e)


asyncio.run(main())
