import asyncio
print(asyncio.__file__)
