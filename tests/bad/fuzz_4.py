# fuzz_run: a module imported twice leaked the compiler's first packed
# name for it (LeakSanitizer).
import asyncio
import asyncio

async def main():
    print("ok")

asyncio.run(main())
