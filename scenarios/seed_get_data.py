"""aiohttp: two requests in parallel with asyncio.gather
From a lesson for JavaScript developers: the Python version of
Promise.all over two fetches.
"""
# loopscope: net GET https://api.example.com/a 0.4s {"name": "a", "items": [1, 2]}
# loopscope: net GET https://api.example.com/b 0.25s {"name": "b", "items": []}
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
