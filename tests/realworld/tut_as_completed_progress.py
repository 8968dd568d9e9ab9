# source: written for the corpus in the style of tutorials: progress reporting with as_completed
import asyncio

async def download(name, size):
    await asyncio.sleep(size / 10)
    return name, size

async def main():
    files = {"a.zip": 7, "b.zip": 2, "c.zip": 5, "d.zip": 1}
    tasks = [download(n, s) for n, s in files.items()]
    done = 0
    for fut in asyncio.as_completed(tasks):
        name, size = await fut
        done += 1
        print(f"[{done}/{len(tasks)}] {name} ({size} MB)")

asyncio.run(main())
