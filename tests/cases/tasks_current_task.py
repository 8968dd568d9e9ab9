# current_task() returns the running task (its name and coroutine name); in a plain loop callback it is None.
import asyncio

async def child():
    t = asyncio.current_task()
    print("in child:", t.get_name(), t.get_coro().__name__)

def cb():
    print("in a callback:", asyncio.current_task())

async def main():
    print("in main:", asyncio.current_task().get_name())
    await asyncio.create_task(child(), name="kid")
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0)

asyncio.run(main())
