"""A class with its own __await__ (the asyncio HOWTO's Rock example)."""
import asyncio


class Rock:
    def __await__(self):
        value_sent_in = yield 7
        print("Rock.__await__ resuming with value:", value_sent_in)
        return value_sent_in


async def main():
    print("Beginning coroutine main().")
    rock = Rock()
    print("Awaiting rock...")
    value_from_rock = await rock
    print(f"Coroutine received value: {value_from_rock} from rock.")
    return 23


coroutine = main()
intermediate_result = coroutine.send(None)
print(f"Coroutine paused and returned intermediate value: {intermediate_result}.")

print("Resuming coroutine and sending in value: 42.")
try:
    coroutine.send(42)
except StopIteration as e:
    returned_value = e.value
print(f"Coroutine main() returned: {returned_value}.")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        return (i for i in range(self.n))


class Bad:
    def __await__(self):
        return 5


async def driver():
    try:
        await Bad()
    except TypeError as e:
        print("TypeError:", e)
    return await Countdown(0)


c = driver()
try:
    c.send(None)
except StopIteration as e:
    print("driver returned", e.value)
