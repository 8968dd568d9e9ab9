# source: seed 001, "async with — async context manager" (aiofiles) and "async for"
# loopscope: file data.txt "line one\nline two\n"
import asyncio
import aiofiles # pip install aiofiles

# async with — async context manager
async def read_file():
    async with aiofiles.open("data.txt") as f:
        content = await f.read()
        return content

async def some_async_stream():
    for chunk in ["a", "b", "c"]:
        await asyncio.sleep(0.1)
        yield chunk

def process(chunk):
    print("chunk", chunk)

# async for — async iterator
async def stream_data():
    async for chunk in some_async_stream():
        process(chunk)

async def main():
    print(repr(await read_file()))
    await stream_data()

asyncio.run(main())
