# asyncio.get_event_loop() with no running loop: warning or not, per version
import asyncio


async def main():
    print("inside, same loop:", asyncio.get_event_loop() is asyncio.get_running_loop())


loop = asyncio.get_event_loop()
print("got a loop outside:", type(loop).__name__)
asyncio.run(main())
