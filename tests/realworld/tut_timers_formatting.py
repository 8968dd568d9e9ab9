# source: written for the corpus in the style of tutorials: call_later with functools.partial, string formatting
import asyncio
import functools

def on_timer(name, loop, fut):
    print("timer", name, round(loop.time(), 2))
    if not fut.done():
        fut.set_result(name)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.3, functools.partial(on_timer, "b", loop, fut))
    loop.call_later(0.2, on_timer, "a", loop, fut)
    print(await fut)
    await asyncio.sleep(0.2)
    print("{:>8}|{:<6}|{:^7}|".format("right", "left", "mid"), f"{3.14159:08.3f}", f"{'x'!r:>5}")
    print("%-5s|%5.1f|%03d" % ("ab", 2.25, 7))

asyncio.run(main())
