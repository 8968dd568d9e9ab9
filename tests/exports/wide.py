"""Wide characters: 挨拶 & <escapes> "quoted" 'too'
CJK takes two cells in the terminal, so it does in every export as well.
"""
import asyncio


async def 挨拶(名前):
    print(f"こんにちは、{名前} & <b>\"friends\"</b>")
    await asyncio.sleep(0.5)
    print("さようなら")


async def main():
    await asyncio.gather(挨拶("世界"), 挨拶("ねこ"))


asyncio.run(main())
