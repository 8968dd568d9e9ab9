# source: seed 001, "Even simpler with asyncio.to_thread"
import asyncio
import time

def blocking_function(a, b):
    time.sleep(1)
    return a + b

arg1, arg2 = 2, 3

async def good_simple():
    result = await asyncio.to_thread(blocking_function, arg1, arg2)
    print(result)

asyncio.run(good_simple())
