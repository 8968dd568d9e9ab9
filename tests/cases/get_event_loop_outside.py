"""asyncio.get_event_loop() outside a running loop (3.11 makes and sets one)."""
import asyncio


async def main(n):
    print("main", n, "starts")
    await asyncio.sleep(1)
    print("main", n, "ends")
    return n * 10


loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop())
print(loop.run_until_complete(main(1)))
print(asyncio.get_event_loop().run_until_complete(main(2)))
loop.close()
asyncio.run(main(3))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after run:", e)
