import asyncio


async def worker():
    n = 0
    while True:
        try:
            await asyncio.sleep(0.1)
            yield n
            n += 1
        except ValueError as e:
            print("worker recovers from", e)
            yield -1
        except KeyError:
            print("worker gives up")
            return


async def main():
    w = worker()
    print(await w.__anext__())
    print(await w.athrow(ValueError("bad input")))
    print(await w.__anext__())
    print(await w.asend("ignored"))
    try:
        await w.athrow(KeyError)
    except StopAsyncIteration:
        print("worker finished")
    try:
        await w.athrow(ValueError("late"))
    except ValueError as e:
        print("raised straight away:", e)


asyncio.run(main())
