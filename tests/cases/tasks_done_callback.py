# A task's done callbacks run after the task finishes, in the next iteration, before tasks awaiting it resume.
import asyncio

async def work():
    await asyncio.sleep(1)
    return "r"

async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(lambda task: print("callback: result", task.result()))
    v = await t
    print("main resumed with", v)

asyncio.run(main())
