import asyncio
asyncio.create_subprocess_exec("ls")
