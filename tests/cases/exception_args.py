# Exceptions: args, str and repr, raised by hand and by the runtime.
import asyncio

def fail(kind):
    if kind == 0:
        raise ValueError("bad value", 42)
    if kind == 1:
        return {"a": 1}["b"]
    if kind == 2:
        return 1 // 0
    if kind == 3:
        return int("x1")
    if kind == 4:
        raise RuntimeError()
    if kind == 5:
        raise TypeError("expected", "str", None)
    raise TimeoutError("too slow")

async def main():
    for kind in range(7):
        try:
            fail(kind)
        except KeyError as e:
            print("lookup", repr(e), str(e), e.args)
        except Exception as e:
            print(repr(e), "|", str(e), "|", e.args)
    e = ValueError("solo")
    print(repr(e), str(e), e.args, isinstance(e, Exception))
    print(repr(Exception()), repr(KeyError("k")), str(KeyError("k")))

asyncio.run(main())
