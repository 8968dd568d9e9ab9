# result() of a pending future and a second set_result both raise InvalidStateError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("result():", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("set_result again:", e)
    print("result:", fut.result())

asyncio.run(main())
