"""class attributes changing under lookups that were made before: the VM's
attribute cache (src/py/objects/attrcache.c) must see every change"""
import asyncio


class Base:
    kind = "base"

    def speak(self):
        return "base speaks"


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self, n):
        self.n = n


def describe(o):
    extra = getattr(o, "extra", "no extra")
    return f"{o.kind} / {o.speak()} / {extra}"


async def worker(name, o):
    for step in range(3):
        print(name, step, describe(o))
        await asyncio.sleep(0)


async def main():
    a, b = Leaf(1), Leaf(2)
    t = asyncio.create_task(worker("a", a))
    print("start", describe(b))
    await asyncio.sleep(0)
    # a miss cached on the way up (extra), then the base gains it
    Base.extra = "extra from Base"
    print("after Base.extra", describe(b))
    # a method replaced on a class in the middle of the chain
    Mid.speak = lambda self: f"mid speaks for {self.n}"
    print("after Mid.speak", describe(b))
    await asyncio.sleep(0)
    # the override removed again: the base's method shows through
    del Mid.speak
    print("after del Mid.speak", describe(b))
    # a class attribute shadowed by the instance, then the class value changed
    b.kind = "own kind"
    Base.kind = "base kind 2"
    print("instance and class", describe(a), "|", describe(b))
    del b.kind
    print("instance kind gone", describe(b))
    # setattr with a name made at run time, then read back through the class
    name = "ex" + "tra"
    setattr(Leaf, name, "extra from Leaf")
    print("after setattr", describe(a), getattr(Leaf, name))
    del Base.extra
    print("base extra gone", describe(a))
    # a class made again with the same name: nothing of the old one is seen
    for round_ in range(3):
        class Fresh:
            value = round_
        print("fresh", round_, Fresh().value, Fresh.value)
        del Fresh
    await t


asyncio.run(main())
