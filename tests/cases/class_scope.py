# Class bodies: statements run once, in order, in their own namespace; class
# attributes built from earlier ones; methods see globals but not the class
# body's names; class decorators; nested classes; deleting attributes.
import asyncio

PREFIX = "job"
registry = []

def register(cls):
    registry.append(cls.__name__)
    return cls

@register
class Job:
    print("defining Job")
    LIMIT = 3
    DOUBLE = LIMIT * 2
    NAMES = [f"{PREFIX}-{i}" for i in range(LIMIT)]
    if DOUBLE > 5:
        big = True
    else:
        big = False
    temp = "scratch"
    del temp

    class Status:
        IDLE = "idle"
        DONE = "done"

    def __init__(self, n, limit=LIMIT):
        self.n = n
        self.limit = limit
        self.status = Job.Status.IDLE

    def peek(self):
        try:
            return DOUBLE
        except NameError as e:
            return f"NameError: {e}"

    async def run(self):
        await asyncio.sleep(0.01 * self.n)
        self.status = self.Status.DONE
        return self.n

@register
class Urgent(Job):
    LIMIT = 1

async def main():
    print(Job.LIMIT, Job.DOUBLE, Job.NAMES, Job.big, registry)
    j = Job(2)
    print(j.limit, j.peek(), j.status, Job.Status.__qualname__, Urgent.LIMIT, Urgent(1).limit)
    print(await asyncio.gather(j.run(), Urgent(0).run()), j.status)
    j.extra = "x"
    del j.extra
    try:
        del j.extra
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(Job.temp)
    except AttributeError as e:
        print("AttributeError:", e)
    Job.LIMIT = 10
    print(Job(1).limit, Urgent.LIMIT, Job.LIMIT)

asyncio.run(main())
