# --max-depth 3 broke loading the prelude (exit 3): the library's frames
# cost no depth, only the scenario's module, main and worker frames do.
import asyncio
async def work(n):
    await asyncio.sleep(n)
    return n
async def main():
    print(await asyncio.gather(work(1), work(2)))
asyncio.run(main())
