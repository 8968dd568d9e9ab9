"""sys.version_info follows the version the run follows (--python)."""
import asyncio
import sys


async def main():
    print(sys.version_info[:2], sys.version_info.micro > 0 or sys.version_info.minor >= 13)
    print(sys.version_info >= (3, 12), sys.version.split()[0].count("."))


asyncio.run(main())
