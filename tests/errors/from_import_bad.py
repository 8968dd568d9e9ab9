from asyncio import start_server
