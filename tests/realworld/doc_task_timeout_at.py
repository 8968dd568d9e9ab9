# source: CPython docs, asyncio-task "Timeouts" (timeout_at)
import asyncio

async def long_running_task():
    await asyncio.sleep(3600)

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    try:
        async with asyncio.timeout_at(deadline):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")

asyncio.run(main())
