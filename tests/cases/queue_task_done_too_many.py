# task_done() called more times than there were items raises ValueError('task_done() called too many times').
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait("x")
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
