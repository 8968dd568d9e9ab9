# Protocol methods: a generator __iter__, __bool__ driving a while loop,
# __eq__ used by list.remove/count/index, __hash__ for dict keys, callable
# objects as callbacks, and __aenter__/__aexit__ found and awaited by hand.
import asyncio

class Queue:
    def __init__(self):
        self.items = []
    def put(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop(0)
    def __bool__(self):
        return len(self.items) > 0
    def __iter__(self):
        for x in self.items:
            yield x

class Tag:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Tag) and other.name.lower() == self.name.lower()
    def __hash__(self):
        return len(self.name)
    def __repr__(self):
        return f"Tag({self.name})"

class Recorder:
    def __init__(self):
        self.seen = []
    def __call__(self, *args):
        self.seen.append(args)

class Session:
    def __init__(self, name):
        self.name = name
        self.open = False
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        self.open = True
        return self
    async def __aexit__(self, exc_type, exc, tb):
        self.open = False
        return False
    def __enter__(self):
        return self.name
    def __exit__(self, *exc):
        return None

async def main():
    q = Queue()
    for i in range(3):
        q.put(i * i)
    print(list(q), [x + 1 for x in q], sum(q), max(q))
    while q:
        print("pop", q.pop(), bool(q))
    tags = [Tag("a"), Tag("B"), Tag("c"), Tag("A")]
    print(tags.count(Tag("A")), tags.index(Tag("b")), Tag("C") in tags)
    tags.remove(Tag("A"))
    print(tags, {Tag("x"): 1, Tag("X"): 2, Tag("yy"): 3})
    rec = Recorder()
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, rec, "later")
    loop.call_soon(rec, "soon", 1)
    await asyncio.sleep(0.3)
    print(rec.seen)
    s = Session("s1")
    enter = s.__aenter__
    got = await enter()
    print(got is s, s.open, s.__enter__(), s.__exit__(None, None, None))
    await s.__aexit__(None, None, None)
    print(s.open)

asyncio.run(main())
