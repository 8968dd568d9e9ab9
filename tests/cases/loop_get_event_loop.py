# Inside a coroutine get_event_loop() and get_running_loop() return the same running loop; outside, get_running_loop() raises RuntimeError.
import asyncio

async def main():
    a = asyncio.get_running_loop()
    b = asyncio.get_event_loop()
    print("same loop:", a is b, "running:", a.is_running())

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)

asyncio.run(main())
