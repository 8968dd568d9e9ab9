# Output before and after asyncio.run belongs to no task; the clock reads
# 0 before the loop and keeps its value after.
import asyncio

print("module level, before the loop")

async def main():
    print("inside main")
    await asyncio.sleep(2.5)

print("defining done")
asyncio.run(main())
print("after the loop")
