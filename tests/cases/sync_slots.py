"""the Queue, Lock and Event bodies in C read and store their attributes through remembered dict slots (src/py/objects/attrslot.h): they still see a class that gains a property, an attribute deleted and set again (its entry moves), a value replaced, a method shadowed or replaced, and three queues taking turns"""
import asyncio


def try_put(q, item):
    try:
        q.put_nowait(item)
        return "put"
    except asyncio.QueueFull:
        return "full"


def try_get(q):
    try:
        return q.get_nowait()
    except asyncio.QueueEmpty:
        return "empty"


async def main():
    a, b, c = asyncio.Queue(), asyncio.Queue(), asyncio.Queue(3)
    for i in range(3):
        for q in (a, b, c):
            print(q.maxsize, try_put(q, i), q.qsize(), q.full())
    # an attribute deleted and set again takes another entry in the dict
    del b._maxsize
    b._maxsize = 4
    print("b", try_put(b, 3), try_put(b, 4), b.qsize(), b.full())
    # a dict whose entries moved down (its first deleted, then a rebuild)
    d = asyncio.Queue()
    del d._maxsize
    d._maxsize = 2
    for i in range(20):
        setattr(d, f"x{i}", [i])
    for i in range(3):
        for q in (a, d):
            print(q.maxsize, try_put(q, 10 + i), q.qsize(), q.full(), q._unfinished_tasks)
    print("d", try_get(d), try_get(d), try_get(d), d.qsize())
    # the value of an attribute replaced in place
    c._maxsize = 0
    print("c", try_put(c, 3), c.qsize(), c.full())
    # the class gains a property the dict no longer decides
    asyncio.Queue._maxsize = property(lambda self: 1)
    print("b", try_put(b, 5), b.full(), a.full())
    del asyncio.Queue._maxsize
    print("b", b.full(), try_get(b), try_get(b))
    # _queue replaced by another list (a deque in CPython: the same calls)
    a._queue = type(a._queue)([7, 8])
    print("a", a.qsize(), try_get(a), try_get(a), try_get(a), a.empty())
    # _unfinished_tasks moves with put and task_done
    for q in (a, b, c):
        while not q.empty():
            q.get_nowait()
            q.task_done()
        print(q.maxsize, q._unfinished_tasks)
    a._unfinished_tasks = 2
    a.task_done()
    print("a", a._unfinished_tasks)

    # a method shadowed on the instance, then replaced on the class
    e = asyncio.Queue()
    e.put_nowait(1)
    e.put_nowait(2)
    print("e", try_get(e), e.qsize(), e.empty())
    e.empty = lambda: True
    print("e", try_get(e), e.qsize())
    del e.empty
    print("e", try_get(e), e.qsize())
    e.put_nowait(3)
    saved = asyncio.Queue.empty
    asyncio.Queue.empty = lambda self: True
    print("e", try_get(e), e.qsize())
    asyncio.Queue.empty = saved
    print("e", try_get(e), e.qsize())

    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    del lock._locked
    lock._locked = False
    await lock.acquire()
    print("acquired", lock.locked())
    lock.release()
    print("released", lock.locked())
    ev = asyncio.Event()
    ev.set()
    print("event", ev.is_set())
    del ev._value
    ev._value = False
    ev.set()
    print("event", ev.is_set())


asyncio.run(main())
