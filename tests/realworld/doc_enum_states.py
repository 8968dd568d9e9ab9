# source: CPython docs, enum HOWTO (Enum, auto, IntEnum) in an asyncio state machine
import asyncio
from enum import Enum, IntEnum, auto

class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()

class Priority(IntEnum):
    LOW = 1
    HIGH = 2

class Job:
    def __init__(self, name, priority):
        self.name = name
        self.priority = priority
        self.state = State.IDLE

    async def run(self):
        self.state = State.RUNNING
        print(self.name, self.state, self.priority)
        await asyncio.sleep(1 / self.priority)
        self.state = State.DONE

async def main():
    jobs = [Job("a", Priority.LOW), Job("b", Priority.HIGH)]
    await asyncio.gather(*(j.run() for j in jobs))
    for j in jobs:
        print(j.name, j.state.name, j.state is State.DONE, repr(j.priority))
    print(State(2), State['DONE'], list(State))

asyncio.run(main())
