# Futures that are already done when given to as_completed come out in the order given (harness: ordered set).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    futs = []
    for v in ["x", "y", "z", "w"]:
        f = loop.create_future()
        f.set_result(v)
        futs.append(f)
    for f in asyncio.as_completed(futs):
        print(await f)

asyncio.run(main())
