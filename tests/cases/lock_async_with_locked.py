# async with lock acquires and releases; locked() is True inside and False after, also when the block raises.
import asyncio

async def main():
    lock = asyncio.Lock()
    print("before:", lock.locked())
    async with lock:
        print("inside:", lock.locked())
    print("after:", lock.locked())
    try:
        async with lock:
            raise ValueError("inside block")
    except ValueError:
        print("after raise:", lock.locked())
    print("acquire ->", await lock.acquire())
    lock.release()
    print("released:", lock.locked())

asyncio.run(main())
