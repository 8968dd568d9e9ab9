import asyncio
m = [asyncio][0]
m._cancel_all_tasks = print
async def main():
    pass
asyncio.run(main())
