async def gen():
    yield 1
