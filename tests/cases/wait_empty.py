# asyncio.wait of an empty list raises ValueError('Set of Tasks/Futures is empty.').
import asyncio

async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
