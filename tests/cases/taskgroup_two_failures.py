# Two children failing at the same instant both end up in the ExceptionGroup, in the order they finished.
import asyncio

async def bad(kind, msg):
    await asyncio.sleep(1)
    raise kind(msg)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(ValueError, "v"))
            tg.create_task(bad(TypeError, "t"))
    except* ValueError as eg:
        print("ValueError part:", repr(eg.exceptions))
    except* TypeError as eg:
        print("TypeError part:", repr(eg.exceptions))

asyncio.run(main())
