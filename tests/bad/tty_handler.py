import asyncio
def handler(loop, ctx):
    raise ValueError("\x1b[31mred\u202e")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({"message": "msg \x1b]0;pwn\x07 \u2066x"})
    loop.set_exception_handler(handler)
    loop.call_exception_handler({"message": "again"})
asyncio.run(main())
