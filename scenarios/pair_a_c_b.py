"""A, C, B
asyncio has no microtask queue, but the same order comes out: a future's
done callback joins the ready queue the moment the future settles (C),
while a timer, even one due now, joins it only when the next loop
iteration begins (B). Press i for the internals: the ready queue, timers.
The same order in JavaScript: see pair_a_c_b.js, side by side with
  loopscope compare scenarios/pair_a_c_b.py scenarios/pair_a_c_b.js
"""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("A: sync")
    loop.call_later(0, print, "B: timer callback")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("C: done callback"))
    fut.set_result(None)
    print("end of main's first step")
    await asyncio.sleep(0.01)


asyncio.run(main())
