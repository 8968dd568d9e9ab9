# source: written for the corpus in the style of tutorials: publish/subscribe with one queue per subscriber
import asyncio

class Hub:
    def __init__(self):
        self.subscribers = set()

    def publish(self, message):
        for q in self.subscribers:
            q.put_nowait(message)

async def subscriber(hub, name, count):
    q = asyncio.Queue()
    hub.subscribers.add(q)
    try:
        for _ in range(count):
            msg = await q.get()
            print(f"{name} got {msg}")
    finally:
        hub.subscribers.remove(q)

async def main():
    hub = Hub()
    subs = [asyncio.create_task(subscriber(hub, f"s{i}", 2)) for i in range(2)]
    await asyncio.sleep(0)
    for m in ["hello", "world"]:
        hub.publish(m)
        await asyncio.sleep(0.1)
    await asyncio.gather(*subs)
    print(len(hub.subscribers))

asyncio.run(main())
