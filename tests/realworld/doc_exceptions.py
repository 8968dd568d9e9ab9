# source: CPython docs, asyncio-exceptions (TimeoutError, CancelledError, InvalidStateError, QueueEmpty)
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except asyncio.TimeoutError as e:
        print("TimeoutError is builtin:", asyncio.TimeoutError is TimeoutError, type(e).__name__)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
