import asyncio
async def main():
    print("\x1b[2J\u202eevil\u2066 \x9b31m")
asyncio.run(main())
