# handle.cancel() stops a pending call_later/call_soon callback from ever running; cancelled() reports it.
import asyncio

def cb(name):
    print(f"{asyncio.get_running_loop().time():.2f} {name} ran")

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(1, cb, "h1")
    h2 = loop.call_later(2, cb, "h2")
    h3 = loop.call_soon(cb, "h3")
    h3.cancel()
    await asyncio.sleep(1.5)
    h2.cancel()
    print("h1 cancelled?", h1.cancelled(), "h2 cancelled?", h2.cancelled())
    await asyncio.sleep(2)
    print(f"{loop.time():.2f} end of main")

asyncio.run(main())
