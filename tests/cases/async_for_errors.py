import asyncio


async def bad_body():
    yield 1
    raise KeyError("in the generator")


async def stop_inside():
    yield 1
    raise StopAsyncIteration


async def try_it(label, make):
    try:
        await make()
    except TypeError as e:
        print(label, "TypeError:", e)
    except RuntimeError as e:
        print(label, "RuntimeError:", e)
    except KeyError as e:
        print(label, "KeyError:", e)


async def over_int():
    async for x in 5:
        pass


async def over_list():
    async for x in [1, 2]:
        pass


async def body_raises():
    async for x in bad_body():
        print("item", x)


async def stop_raised():
    async for x in stop_inside():
        print("item", x)


async def await_gen():
    await bad_body()


async def main():
    await try_it("int:", over_int)
    await try_it("list:", over_list)
    await try_it("body:", body_raises)
    await try_it("stop:", stop_raised)
    await try_it("await:", await_gen)
    g = bad_body()
    print(g.__aiter__() is g)
    async for x in bad_body():
        print("break at", x)
        break
    else:
        print("not reached")
    async for x in stop_inside():
        continue
    print("not reached either")


asyncio.run(main())
