# source: written for the corpus in the style of tutorials: httpx.AsyncClient with a timeout and error handling
# loopscope: net GET https://api.example.com/items/1 0.1s {"id": 1, "name": "one"}
# loopscope: net GET https://api.example.com/items/2 0.2s 500 {"error": "boom"}
# loopscope: net GET https://api.example.com/items/3 9s {"id": 3}
import asyncio
import httpx

async def get_item(client, i):
    try:
        r = await client.get(f"/items/{i}")
        r.raise_for_status()
        return r.json()
    except httpx.HTTPStatusError as e:
        return f"status {e.response.status_code}"
    except httpx.TimeoutException:
        return "timeout"

async def main():
    async with httpx.AsyncClient(base_url="https://api.example.com", timeout=2.0) as client:
        results = await asyncio.gather(*(get_item(client, i) for i in (1, 2, 3)))
    for r in results:
        print(r)

asyncio.run(main())
