# source: seed 003 (Async Programming lesson), verbatim
import asyncio
import aiohttp
# async/await
async def get_data(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.json()
# Parallel execution
async def main():
    a, b = await asyncio.gather(
        get_data("https://api.example.com/a"),
        get_data("https://api.example.com/b"),
    )
    print(a, b)
# Run the event loop
asyncio.run(main())
