# Inheritance: method overriding, zero-argument super() in __init__ and other
# methods (also async ones), class methods through subclasses, properties with
# setters, and a class defined inside a function using its closure.
import asyncio

class Base:
    kind = "base"

    def __init__(self, name):
        self.name = name
        self._level = 0

    def hello(self):
        return f"{self.kind}:{self.name}"

    async def work(self, n):
        await asyncio.sleep(0.1 * n)
        return n * 2

    @classmethod
    def create(cls, name):
        return cls(name)

    @property
    def level(self):
        return self._level

    @level.setter
    def level(self, v):
        if v < 0:
            raise ValueError("level must be >= 0")
        self._level = v

class Mid(Base):
    kind = "mid"

    def hello(self):
        return "mid(" + super().hello() + ")"

    async def work(self, n):
        r = await super().work(n)
        return r + 1

class Leaf(Mid):
    def __init__(self, name, extra=None):
        super().__init__(name.upper())
        self.extra = extra

    def hello(self):
        return "leaf[" + super().hello() + "]"

def make_counter_class(start):
    step = 10
    class Counter:
        def __init__(self):
            self.value = start
        def bump(self):
            self.value += step
            return self.value
    return Counter

async def main():
    objs = [Base("b"), Mid("m"), Leaf("l", extra=1), Leaf.create("c")]
    for o in objs:
        print(type(o).__name__, o.hello(), isinstance(o, Mid), o.kind)
    print(await asyncio.gather(*(o.work(i) for i, o in enumerate(objs))))
    leaf = objs[2]
    leaf.level = 3
    print(leaf.level, leaf.extra, Leaf.__qualname__, Leaf.hello.__qualname__)
    try:
        leaf.level = -1
    except ValueError as e:
        print("ValueError:", e, leaf.level)
    C = make_counter_class(5)
    c = C()
    c.bump()
    print(c.bump(), C.__name__, C.__qualname__, type(c).bump.__qualname__)
    print(issubclass(Leaf, Base), issubclass(Base, Leaf), issubclass(Leaf, object))

asyncio.run(main())
