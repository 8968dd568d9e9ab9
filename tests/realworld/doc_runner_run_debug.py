# source: CPython docs, asyncio-runner "Running an asyncio Program" (return value, two runs)
import asyncio

async def main():
    await asyncio.sleep(1)
    print('hello')
    return 'ok'

print(asyncio.run(main()))
with asyncio.Runner() as runner:
    print(runner.run(main()))
    print(runner.run(main()))
