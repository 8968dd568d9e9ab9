# REQUIRED edge: a task cancelled before its first step: awaiting it raises CancelledError with the message, its body (and try/finally) never runs.
import asyncio

async def job():
    try:
        print("job body runs")
        await asyncio.sleep(1)
    finally:
        print("job finally")

async def main():
    t = asyncio.create_task(job())
    print("cancel ->", t.cancel("too early"), "done:", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: CancelledError", e.args, "cancelled:", t.cancelled())

asyncio.run(main())
