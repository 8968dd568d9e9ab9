# Generator send/throw/close, StopIteration.value, and close() on a coroutine
# that never started (no "never awaited" warning).
import asyncio


def averager():
    total = 0
    count = 0
    avg = None
    try:
        while True:
            value = yield avg
            total += value
            count += 1
            avg = total / count
    except ValueError:
        yield "reset"
    finally:
        print("averager closed")


async def job():
    return 1


async def main():
    g = averager()
    print(g.send(None))
    print(g.send(10))
    print(g.send(20))
    print(g.throw(ValueError("reset please")))
    g.close()
    try:
        g.send(1)
    except StopIteration as e:
        print("stopped", e.value)

    def counter():
        yield 1
        return "finished"

    c = counter()
    c.send(None)
    try:
        c.send(None)
    except StopIteration as e:
        print("return value:", e.value)

    coro = job()
    coro.close()
    print("closed an unstarted coroutine")


asyncio.run(main())
