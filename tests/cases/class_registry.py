# Class-level state and factories: a registry filled by a class decorator,
# classmethod constructors that respect subclasses, staticmethod helpers,
# counters on the class, and a cancelled task inside a method.
import asyncio

HANDLERS = {}

def handles(kind):
    def deco(cls):
        HANDLERS[kind] = cls
        cls.kind = kind
        return cls
    return deco

class Handler:
    instances = 0
    kind = None

    def __init__(self, payload):
        Handler.instances += 1
        self.payload = payload

    @classmethod
    def from_message(cls, msg):
        kind, _, payload = msg.partition(":")
        return HANDLERS[kind](payload)

    @staticmethod
    def normalize(text):
        return text.strip().lower()

    async def handle(self):
        await asyncio.sleep(0.1)
        return f"{type(self).__name__}({self.kind}) {self.normalize(self.payload)!r}"

@handles("ping")
class Ping(Handler):
    pass

@handles("slow")
class Slow(Handler):
    async def handle(self):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("Slow cancelled with", self.payload)
            raise

async def main():
    msgs = ["ping: Hello ", "ping:WORLD", "slow:zzz"]
    hs = [Handler.from_message(m) for m in msgs]
    print([type(h).__name__ for h in hs], Handler.instances, sorted(HANDLERS))
    tasks = [asyncio.create_task(h.handle()) for h in hs]
    await asyncio.sleep(0.5)
    for t in tasks:
        if t.done():
            print(t.result())
        else:
            t.cancel()
    await asyncio.sleep(0)
    print(tasks[2].cancelled(), Ping.kind, Handler.kind, Slow.normalize(" X "))

asyncio.run(main())
