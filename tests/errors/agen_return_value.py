async def ticks():
    yield 1
    return "done"
