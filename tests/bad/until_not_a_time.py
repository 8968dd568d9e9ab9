"""--until takes a time in seconds; anything else is refused."""
import asyncio

asyncio.run(asyncio.sleep(1))
