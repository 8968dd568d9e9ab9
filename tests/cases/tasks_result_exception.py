# Task.result()/exception() before the task is done raise InvalidStateError; after a failure exception() returns the error and result() raises it.
import asyncio

async def fail():
    await asyncio.sleep(1)
    raise IndexError("out of range")

async def main():
    t = asyncio.create_task(fail())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("result too early:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception too early:", e)
    await asyncio.wait([t])
    print("exception():", repr(t.exception()))
    try:
        t.result()
    except IndexError as e:
        print("result() raised", repr(e))

asyncio.run(main())
