"""Simulated httpx.AsyncClient and aiofiles on the in-memory file system."""
# loopscope: net GET https://api.example.com/a 0.4s {"name": "a"}
# loopscope: net GET https://api.example.com/b 0.2s {"name": "b"}
# loopscope: net GET https://api.example.com/missing 0.1s 404 not here
# loopscope: net GET https://api.example.com/slow 9s
# loopscope: file data.txt "alpha\nbeta\ngamma\n"
import asyncio
import httpx
import aiofiles


async def get(client, path):
    r = await client.get(path)
    r.raise_for_status()
    return r.json()["name"]


async def main():
    async with httpx.AsyncClient(base_url="https://api.example.com") as client:
        print(await asyncio.gather(get(client, "/a"), get(client, "/b")))
        r = await client.get("/missing")
        print(r, r.status_code, r.text, r.is_success)
        try:
            r.raise_for_status()
        except httpx.HTTPStatusError as e:
            print(e)
        try:
            await client.get("/slow")
        except httpx.TimeoutException as e:
            print("timeout:", type(e).__name__, e)
        r = await client.get("/other", params={"q": "x"})
        print(r.json())
    async with aiofiles.open("data.txt") as f:
        print(repr(await f.read()))
    async with aiofiles.open("data.txt") as f:
        async for line in f:
            print("line:", line.rstrip())
    async with aiofiles.open("out.txt", "w") as f:
        await f.write("written\n")
        await f.write("twice\n")
    async with aiofiles.open("out.txt", mode="a") as f:
        await f.write("appended\n")
    f = await aiofiles.open("out.txt")
    print(await f.readlines())
    await f.close()
    try:
        async with aiofiles.open("nope.txt") as f:
            pass
    except FileNotFoundError as e:
        print("FileNotFoundError:", e)


asyncio.run(main())
