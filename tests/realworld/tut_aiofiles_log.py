# source: written for the corpus in the style of tutorials: writing and reading a file with aiofiles
import asyncio
import aiofiles

async def writer(name, n):
    async with aiofiles.open("log.txt", "a") as f:
        for i in range(n):
            await f.write(f"{name} {i}\n")
            await asyncio.sleep(0.1)

async def main():
    await asyncio.gather(writer("a", 2), writer("b", 3))
    async with aiofiles.open("log.txt") as f:
        async for line in f:
            print(line.rstrip())

asyncio.run(main())
