"""Cancellation: task.cancel() raises CancelledError at the await
The watchdog cancels a slow job. The job sees CancelledError where it was
waiting, cleans up in except and finally, and re-raises, so the awaiting
code learns that the job was cancelled.
"""
import asyncio


async def job():
    print("job: working")
    try:
        await asyncio.sleep(5)
        print("job: finished")
    except asyncio.CancelledError as e:
        print(f"job: cancelled ({e.args[0]}), saving progress")
        await asyncio.sleep(0.5)
        print("job: progress saved")
        raise
    finally:
        print("job: finally block runs too")


async def main():
    task = asyncio.create_task(job())
    await asyncio.sleep(1)
    print("main: too slow, cancelling")
    task.cancel("took longer than 1 s")
    try:
        await task
    except asyncio.CancelledError:
        print("main: the job was cancelled")
    print("cancelled():", task.cancelled())


if __name__ == "__main__":
    asyncio.run(main())
