# A coroutine that raises CancelledError by itself ends its task cancelled,
# even though nobody called cancel().
import asyncio

async def gives_up():
    await asyncio.sleep(0.5)
    raise asyncio.CancelledError()

async def main():
    t = asyncio.create_task(gives_up())
    try:
        await t
    except asyncio.CancelledError:
        print("main: the task was cancelled:", t.cancelled())
    print("main goes on")

asyncio.run(main())
