"""internals: primitives changed behind the C bodies' back (attributes set and deleted by Python code, a list changed in place, a waiter cancelled) show their new state"""
import asyncio


class Box:
    def __repr__(self):
        return "box"


async def waiter(ev):
    await ev.wait()


async def main():
    q = asyncio.Queue()
    ev = asyncio.Event()
    q.put_nowait("a")
    print("one str item")
    q._queue[0] = "b"
    print("changed in place")
    q._maxsize = 3
    print("a maxsize set by hand")
    q.extra = 1
    q._queue.append(Box())
    print("a new attribute and a box")
    del q._maxsize
    print("the maxsize gone")
    for i in range(40):
        setattr(q, "x" + str(i), i)
    q._queue.append(5)
    print("the dict grown, its entries moved")
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0)
    print("one waiting")
    t.cancel()
    await asyncio.sleep(0)
    print("cancelled")
    ev._value = True
    print("set by hand")
    await asyncio.sleep(0)


asyncio.run(main())
