# source: written for the corpus in the style of tutorials: a bank account guarded by a Lock, Event-driven as_completed, BoundedSemaphore
import asyncio

class Bank:
    def __init__(self):
        self.balance = 100
        self.lock = asyncio.Lock()

    async def withdraw(self, who, amount):
        async with self.lock:
            if self.balance >= amount:
                await asyncio.sleep(0.01)
                self.balance -= amount
                print(f"{who} withdrew {amount}, balance {self.balance}")
                return True
            print(f"{who} denied")
            return False

async def main():
    bank = Bank()
    results = await asyncio.gather(*(bank.withdraw(f"user{i}", 30) for i in range(5)))
    print(results, bank.balance)
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i * 2
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, ev.set)
    for coro in asyncio.as_completed(tasks):
        print(await coro)
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        try:
            sem.release(); sem.release()
        except ValueError as e:
            print("ValueError:", e)

asyncio.run(main())
