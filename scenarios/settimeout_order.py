"""Why Python prints A, B, C where JavaScript prints A, C, B
In JS, setTimeout(() => log("B"), 1000) registers a callback and returns at
once, so "C" comes before "B". In Python, await asyncio.sleep(1) pauses this
coroutine itself: "B" and "C" both wait. To get the JS order, schedule the
delayed part as its own task with create_task.
"""
import asyncio


async def like_python():
    print("A")
    await asyncio.sleep(1)
    print("B")
    print("C")


async def later(text, delay):
    await asyncio.sleep(delay)
    print(text)


async def like_javascript():
    print("A")
    timer = asyncio.create_task(later("B", 1))
    print("C")
    await timer


async def main():
    print("await sleep, the Python way:")
    await like_python()
    print("create_task, the setTimeout way:")
    await like_javascript()


if __name__ == "__main__":
    asyncio.run(main())
