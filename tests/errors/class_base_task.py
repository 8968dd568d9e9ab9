import asyncio

class MyTask(asyncio.Task):
    pass
