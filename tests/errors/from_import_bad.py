from asyncio import wait_for
