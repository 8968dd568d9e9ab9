# 3.12 f-strings: backslashes and comments inside replacement fields
# loopscope-case: python >= 3.12
import asyncio

lines = ["first", "second"]


async def main():
    await asyncio.sleep(0)
    print(f"joined: {"\n".join(lines)!r}")
    print(f"tab: {'\t'.join(lines)}")
    total = f"{
        len(lines)  # how many lines
        + 1
    } items"
    print(total)


asyncio.run(main())
