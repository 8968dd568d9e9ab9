import asyncio
print(asyncio.__dict__)
