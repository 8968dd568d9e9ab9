"""warnings.warn writes a warn line; filters ignore it or turn it into an error."""
import asyncio
import warnings


async def old_api(n):
    warnings.warn(f"old_api({n}) is deprecated", DeprecationWarning)
    await asyncio.sleep(0.1)
    return n


async def main():
    print(await asyncio.gather(old_api(1), old_api(2)))
    warnings.warn("plain user warning")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        await old_api(3)
    warnings.filterwarnings("error", category=RuntimeWarning)
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)
    await old_api(4)


asyncio.run(main())
