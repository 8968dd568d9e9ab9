# source: written for the corpus in the style of tutorials: reporting a task's failure with traceback.print_exc
import asyncio
import traceback

async def fail():
    await asyncio.sleep(0.1)
    raise RuntimeError("oops")

async def main():
    t = asyncio.create_task(fail())
    try:
        await t
    except RuntimeError:
        print("error:", t.exception())
        traceback.print_exc()
    print("continuing")

asyncio.run(main())
