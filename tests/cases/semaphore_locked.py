# Semaphore.locked() is True when no slot is free; acquire() returns True.
import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    print("locked:", sem.locked())
    print("acquire ->", await sem.acquire())
    print("locked:", sem.locked())
    await sem.acquire()
    print("locked:", sem.locked())
    sem.release()
    print("locked:", sem.locked())
    sem.release()
    sem.release()
    print("plain Semaphore allows an extra release; locked:", sem.locked())

asyncio.run(main())
