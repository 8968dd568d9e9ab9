# asyncio.run returns what main returns; main can be any coroutine, with
# arguments, and a module-level helper can be plain (not async).
import asyncio

def describe(values):
    return f"{len(values)} values, max {max(values)}"

async def main(values):
    await asyncio.sleep(0.2)
    return describe(values)

result = asyncio.run(main([3, 9, 4]))
print("asyncio.run gave:", result)
print(asyncio.run(asyncio.sleep(1, result="a bare sleep as main")))
