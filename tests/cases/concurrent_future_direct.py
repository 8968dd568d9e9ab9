# concurrent.futures.Future() made directly (no executor): set_result /
# set_exception, done callbacks, awaited through asyncio.wrap_future, and
# setting it twice.
import asyncio
import concurrent.futures


async def main():
    loop = asyncio.get_running_loop()
    cf = concurrent.futures.Future()
    print(cf.done(), cf.running(), cf.cancelled())
    cf.add_done_callback(lambda f: print("callback:", f.result()))
    loop.call_later(0.5, cf.set_result, "late")
    print(await asyncio.wrap_future(cf))
    try:
        cf.set_result("again")
    except Exception as e:
        print(type(e).__name__)
    bad = concurrent.futures.Future()
    print(bad.set_running_or_notify_cancel(), bad.running())
    bad.set_exception(ValueError("boom"))
    print(repr(bad.exception()))
    try:
        await asyncio.wrap_future(bad)
    except ValueError as e:
        print("raised", e)
    c = concurrent.futures.Future()
    print(c.cancel(), c.cancelled(), c.set_running_or_notify_cancel())


asyncio.run(main())
