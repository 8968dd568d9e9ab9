"""A lesson with stops: two tasks take turns at their awaits
Prepared for a class: the viewer pauses at each '# loopscope: pause' comment
and shows its note in a banner (. and , go to the next and previous stop).
The file still runs unchanged under python3: the stops are plain comments.
"""
import asyncio


async def brew(name, minutes):
    # loopscope: pause: a task's first step starts here. Who runs it, and when?
    print(f"{name}: started")
    await asyncio.sleep(minutes)  # loopscope: pause: the task gives the loop back at its await
    print(f"{name}: ready after {minutes} min")
    return name


async def main():
    tea = asyncio.create_task(brew("tea", 3))
    coffee = asyncio.create_task(brew("coffee", 2))
    print("main: both tasks created, neither has run yet")  # loopscope: pause: created is not started
    done = await asyncio.gather(tea, coffee)
    print(f"main: {done} after 3 min, not 5")  # loopscope: pause


asyncio.run(main())
