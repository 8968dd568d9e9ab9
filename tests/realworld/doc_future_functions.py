# source: CPython docs, asyncio-future "Future Functions" (isfuture, ensure_future, wrap_future)
import asyncio
import concurrent.futures

async def coro():
    return 5

async def main():
    t = asyncio.ensure_future(coro())
    print(asyncio.isfuture(t), asyncio.isfuture(coro), asyncio.iscoroutine(t))
    print(await t)
    cf = concurrent.futures.Future()
    cf.set_result("from another world")
    print(await asyncio.wrap_future(cf))
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("callback saw", f.result()))
    fut.set_result(1)
    await asyncio.sleep(0)

asyncio.run(main())
