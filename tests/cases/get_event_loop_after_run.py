# after asyncio.run() the policy has no loop: get_event_loop() differs per version
import asyncio


async def main():
    await asyncio.sleep(0)


asyncio.run(main())
try:
    loop = asyncio.get_event_loop()
    print("got a loop after run:", loop.is_closed())
except RuntimeError as e:
    print("RuntimeError:", e)
