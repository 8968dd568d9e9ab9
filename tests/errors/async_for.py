async def main():
    pass

def f():
    async for x in y:
        pass
