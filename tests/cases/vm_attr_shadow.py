"""an instance attribute that shadows a class attribute (a default, a method) is read and stored through the eval loop's cached dict slot (src/py/objects/attrslot.h); the class gaining a property by that name, losing it, and the instance losing its own, are all seen"""
import asyncio


class Conf:
    level = 0
    name = "conf"

    def __init__(self, level):
        self.level = level

    def show(self):
        return f"{self.name}:{self.level}"


def reads(objs):
    return [o.level for o in objs]


async def main():
    a, b = Conf(1), Conf(2)
    c = Conf(3)
    del c.level  # c reads the class default
    objs = [a, b, c]
    for _ in range(3):
        print(reads(objs), a.show(), c.show())
    for o in objs:
        o.level = 7  # stored through the slot; c gets its own again
    print(reads(objs))
    Conf.level = property(lambda self: -1)
    print(reads(objs), a.show())
    try:
        a.level = 9
    except AttributeError as e:
        print("no setter:", type(e).__name__)
    del Conf.level
    print(reads(objs))
    for o in objs:
        o.level += 1
    print(reads(objs))
    del b.level
    try:
        print(reads(objs))
    except AttributeError as e:
        print("gone:", e)
    Conf.level = 100
    print(reads(objs))
    # a method shadowed by an instance attribute, then unshadowed
    a.show = lambda: "own"
    print(a.show(), b.show(), [o.show() for o in objs])
    del a.show
    print([o.show() for o in objs])
    await asyncio.sleep(0)


asyncio.run(main())
