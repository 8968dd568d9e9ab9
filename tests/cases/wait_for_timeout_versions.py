# wait_for timing out: which task is cancelled, and when the caller sees it
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow cancelled in", asyncio.current_task().get_name())
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())


asyncio.run(main())
