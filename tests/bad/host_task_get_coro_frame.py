import asyncio
async def main():
    t = asyncio.current_task()
    print(t.get_coro().cr_frame.f_globals)
asyncio.run(main())
