# A worker thread that prints 200,000 lines: its events were kept in a
# sorted array shifted on every pop (quadratic); now a heap.
import asyncio
def work():
    for i in range(200000):
        print(i)
async def main():
    await asyncio.to_thread(work)
    print("done")
asyncio.run(main())
