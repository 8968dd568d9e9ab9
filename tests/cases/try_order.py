# try/except/else/finally run in a fixed order, also across awaits and with
# return inside try.
import asyncio

async def step(n, fail):
    try:
        print(n, "try")
        await asyncio.sleep(0.1)
        if fail:
            raise ValueError(n)
    except ValueError as e:
        print(n, "except", e)
        return "from except"
    else:
        print(n, "else")
    finally:
        print(n, "finally")
    print(n, "after")
    return "from end"

def early_return():
    try:
        return "try value"
    finally:
        print("finally runs before the caller sees the value")

async def main():
    print(await step(1, False))
    print(await step(2, True))
    print(early_return())
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)

asyncio.run(main())
