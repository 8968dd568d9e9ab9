"""contextvars: each task runs in a copy of the context it was created in."""
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def handle(rid, delay):
    request_id.set(rid)
    log("start")
    await asyncio.sleep(delay)
    log("after sleep")
    inner = asyncio.create_task(child())
    request_id.set(rid + "!")
    await inner
    log("end")
    return rid


async def child():
    log("child sees its creator's value")


async def main():
    log("main before")
    token = request_id.set("main")
    results = await asyncio.gather(handle("r1", 0.2), handle("r2", 0.1))
    log(f"main after {results}")
    request_id.reset(token)
    log("main reset")
    try:
        user.get()
    except LookupError:
        print("no user yet")
    print(user.get("anonymous"))
    ctx = contextvars.copy_context()
    print(ctx.run(lambda: user.set("ada") and user.get()), user.get("nobody"), ctx[user], len(ctx) > 0)


asyncio.run(main())
log("outside the run")
