# Each asyncio.run makes a new loop; the clock goes on. Shutdown makes two
# hidden tasks, so the second main is Task-4.
import asyncio
import time

async def main(label):
    print(label, "starts at", time.monotonic())
    await asyncio.sleep(1)
    return label.upper()

print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
