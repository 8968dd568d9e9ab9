# call_soon callbacks run FIFO in the next loop iteration, interleaved with task steps in the order they were scheduled.
import asyncio

def cb(name):
    print("callback", name)

async def task_body(name):
    print("task", name, "step 1")
    await asyncio.sleep(0)
    print("task", name, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "A")
    t = asyncio.create_task(task_body("T"))
    loop.call_soon(cb, "B")
    print("main before yielding")
    await asyncio.sleep(0)
    print("main after one iteration")
    loop.call_soon(cb, "C")
    await t

asyncio.run(main())
