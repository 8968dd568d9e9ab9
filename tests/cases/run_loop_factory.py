# asyncio.run(..., loop_factory=) (3.12+): the loop comes from the factory
# loopscope-case: python >= 3.12
import asyncio

made = []


def factory():
    loop = asyncio.new_event_loop()
    made.append(loop)
    print("factory made a loop")
    return loop


async def main():
    print("running on the factory's loop:", asyncio.get_running_loop() is made[0])
    await asyncio.sleep(0.5)
    return "done"


print(asyncio.run(main(), loop_factory=factory))
print("closed after run:", made[0].is_closed())
