"""bytes from the simulated network and files: aiohttp's read(), httpx's
content, json.loads of bytes, aiofiles in binary modes."""
# loopscope: net GET https://api.example.com/user 0.2s {"login": "ada", "id": 7}
# loopscope: net GET https://api.example.com/page 0.1s café au lait
# loopscope: file notes.txt "line one\nline two é\n"
import asyncio
import json
import aiohttp
import httpx
import aiofiles


async def with_aiohttp():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://api.example.com/user") as resp:
            raw = await resp.read()
            print(type(raw).__name__, raw)
            print(json.loads(raw)["login"])
        async with session.get("https://api.example.com/page") as resp:
            body = await resp.read()
            print(body, len(body), body.decode(), len(body.decode()))


async def with_httpx():
    async with httpx.AsyncClient() as client:
        r = await client.get("https://api.example.com/user")
        print(r.content, r.content.decode() == r.text, json.loads(r.content))


async def with_files():
    async with aiofiles.open("notes.txt", "rb") as f:
        first = await f.readline()
        rest = await f.read()
    print(first, rest, rest.decode())
    async with aiofiles.open("out.bin", "wb") as f:
        await f.write(bytes([0, 1, 2]) + "ü".encode())
        try:
            await f.write("text")
        except TypeError as e:
            print("TypeError", e)
    async with aiofiles.open("out.bin", "rb") as f:
        print(await f.read())
    async with aiofiles.open("notes.txt", "a") as f:
        try:
            await f.write(b"bytes")
        except TypeError as e:
            print("TypeError", e)


async def main():
    await asyncio.gather(with_aiohttp(), with_httpx(), with_files())

asyncio.run(main())
