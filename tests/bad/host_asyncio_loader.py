import asyncio
print(asyncio.__loader__)
