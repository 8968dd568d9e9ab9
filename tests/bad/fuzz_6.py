# fuzz_render: `loopscope record` of a two-day sleep wrote frames for two
# days of playback (a timeout); a gap now plays at most 10 real seconds.
import asyncio

async def main():
    await asyncio.sleep(86400 * 2)
    print("later")

asyncio.run(main())
