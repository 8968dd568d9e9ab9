# wait_for(event.wait(), timeout) raises TimeoutError when nobody sets the event; the waiter task is cancelled.
import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), timeout=1.5)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.2f} nobody set the event")
    print("is_set:", ev.is_set())

asyncio.run(main())
