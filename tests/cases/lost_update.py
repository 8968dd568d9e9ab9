# A read-modify-write split by an await is a race: every task reads the old
# value before any writes back, so most updates are lost.
import asyncio

balance = 0

async def deposit(amount):
    global balance
    current = balance
    await asyncio.sleep(0)
    balance = current + amount

async def safe_deposit(amount):
    global balance
    await asyncio.sleep(0)
    balance += amount

async def main():
    global balance
    await asyncio.gather(*[deposit(10) for i in range(5)])
    print("racy balance:", balance)
    balance = 0
    await asyncio.gather(*[safe_deposit(10) for i in range(5)])
    print("safe balance:", balance)

asyncio.run(main())
