# fuzz_run: asyncio._describe (behind shield's waiting label) leaked the
# buffer str_from_buf took (LeakSanitizer).
import asyncio

async def compute(x):
    await asyncio.sleep(1)
    return x * 2

async def main():
    v = await asyncio.shield(compute(21))
    print(v)

asyncio.run(main())
