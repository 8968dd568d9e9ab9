# Bound methods as callbacks: loop.call_later, add_done_callback and
# create_task of a method coroutine; objects coordinating through a small
# Event-like class built on futures.
import asyncio

class Signal:
    def __init__(self):
        self.flag = False
        self.waiters = []

    def set(self):
        self.flag = True
        for f in self.waiters:
            if not f.done():
                f.set_result(True)
        self.waiters.clear()

    async def wait(self):
        if self.flag:
            return True
        fut = asyncio.get_running_loop().create_future()
        self.waiters.append(fut)
        return await fut

class Monitor:
    def __init__(self, name):
        self.name = name
        self.events = []
        self.ready = Signal()

    def on_timer(self, label):
        self.events.append(("timer", label))
        if label == "go":
            self.ready.set()

    def on_done(self, task):
        self.events.append(("done", task.get_name(), task.result()))

    async def wait_ready(self):
        await self.ready.wait()
        return f"{self.name} ready"

class Producer:
    def __init__(self, monitor, n):
        self.monitor = monitor
        self.n = n

    async def run(self):
        await self.monitor.ready.wait()
        total = 0
        for i in range(self.n):
            await asyncio.sleep(0.1)
            total += i
        return total

async def main():
    mon = Monitor("m1")
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, mon.on_timer, "tick")
    loop.call_later(0.5, mon.on_timer, "go")
    producers = [Producer(mon, k) for k in (1, 3)]
    tasks = [asyncio.create_task(p.run(), name=f"prod{p.n}") for p in producers]
    for t in tasks:
        t.add_done_callback(mon.on_done)
    print(await mon.wait_ready())
    print(await asyncio.gather(*tasks))
    await asyncio.sleep(0)
    for e in mon.events:
        print(e)

asyncio.run(main())
