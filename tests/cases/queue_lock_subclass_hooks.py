# Subclasses of Queue and Lock that replace _init/_put/_get, empty, full,
# put_nowait, get_nowait, acquire and release: every call the library
# makes on the queue or lock reaches the replacement, in CPython's order.
import asyncio
from asyncio import Queue, Lock


class StackQueue(Queue):
    def _init(self, maxsize):
        self._queue = []
        self.log = []

    def _put(self, item):
        self.log.append(("put", item))
        self._queue.insert(0, item)

    def _get(self):
        self.log.append("get")
        return self._queue.pop()


class Picky(Queue):
    def empty(self):
        print("empty?", len(self._queue))
        return super().empty()

    def full(self):
        r = super().full()
        print("full?", r)
        return r

    def put_nowait(self, item):
        print("put_nowait", item)
        super().put_nowait(item * 10)

    def get_nowait(self):
        v = super().get_nowait()
        print("get_nowait", v)
        return v


class LoudLock(Lock):
    async def acquire(self):
        print("acquire, locked:", self.locked())
        return await super().acquire()

    def release(self):
        print("release")
        super().release()


async def consumer(q, name, lock):
    try:
        while True:
            v = await q.get()
            async with lock:
                print(name, "got", v)
                await asyncio.sleep(0)
            q.task_done()
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    q = StackQueue()
    for i in range(3):
        q.put_nowait(i)
    print(q.get_nowait(), q.get_nowait(), q.log)
    p = Picky(maxsize=1)
    lock = LoudLock()
    c1 = asyncio.create_task(consumer(p, "c1", lock))
    c2 = asyncio.create_task(consumer(p, "c2", lock))
    await p.put(1)
    await p.put(2)
    await p.put(3)
    await p.join()
    c1.cancel()
    c2.cancel()
    await asyncio.sleep(0)
    print(lock.locked(), p.qsize(), p.empty())


asyncio.run(main())
