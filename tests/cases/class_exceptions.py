# User exception classes: custom __init__ with super().__init__, extra
# attributes, str/repr/args, inherited except-matching, raising the class.
import asyncio

class AppError(Exception):
    pass

class FetchError(AppError):
    def __init__(self, url, status=500):
        super().__init__(f"fetch {url} failed")
        self.url = url
        self.status = status

class Quiet(AppError):
    def __str__(self):
        return "quiet: " + ", ".join(str(a) for a in self.args)

class Retry(RuntimeError):
    def __init__(self, attempts):
        self.attempts = attempts

async def fetch(url):
    await asyncio.sleep(0.1)
    if url.endswith("404"):
        raise FetchError(url, 404)
    if url.endswith("empty"):
        raise AppError
    return url.upper()

async def main():
    for url in ["a/ok", "b/404", "c/empty"]:
        try:
            print(await fetch(url))
        except FetchError as e:
            print("fetch:", e, repr(e), e.args, e.url, e.status)
        except AppError as e:
            print("app:", repr(e), str(e) == "", e.args, type(e).__name__)
    try:
        raise Quiet(1, "two")
    except Exception as e:
        print(str(e), repr(e), isinstance(e, AppError), isinstance(e, FetchError))
    r = Retry(3)
    print(repr(r), str(r), r.args, r.attempts, issubclass(Retry, Exception))
    try:
        try:
            raise FetchError("x/1")
        except FetchError as e:
            raise Quiet("wrapped") from e
    except AppError as e:
        print(repr(e), repr(e.__cause__), e.__cause__.status)
    e = FetchError("y", status=503)
    e.status += 1
    print(e.status, e.url, FetchError.__name__, FetchError.__qualname__)
    t = asyncio.create_task(fetch("d/404"))
    await asyncio.sleep(0)
    await asyncio.sleep(0.5)
    print(t.done(), repr(t.exception()))
    await fetch("z/404")

asyncio.run(main())
